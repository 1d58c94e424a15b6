using System.Net;

namespace Monocle.Paygentic.Emulator.Tests;

public sealed class MetersPageTests
{
    [Fact]
    public async Task Page_shows_totals_per_subject_and_group_with_encoded_values()
    {
        await using var client = await EmulatorClient.StartAsync();
        await client.CreateMetricAsync("SUM", "$.total_tokens");
        using var a = await client.PostEventAsync(EmulatorClient.Event("p1", "<script>alert(1)</script>", new { total_tokens = 40, model_name = "gpt-4o" }));
        using var b = await client.PostEventAsync(EmulatorClient.Event("p2", "<script>alert(1)</script>", new { total_tokens = 2, model_name = "gpt-4o" }));

        using var response = await client.Http.GetAsync("meters");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>gpt-4o</td><td class=\"n\">42</td>", html, StringComparison.Ordinal);
        Assert.Contains("total <strong>42</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<code>p2</code>", html, StringComparison.Ordinal);
    }
}
