using System.Text.Json;
using System.Text.Json.Nodes;
using Monocle.Paygentic.Export;

namespace Monocle.Paygentic.Runtime.Tests.Conversion;

/// <summary>Compares events as the wire sees them: JSON values equal, timestamps equal as instants.</summary>
internal static class EventJson
{
    public static string Serialize(PaygenticEvent e) => e.ToJson();

    public static void AssertSame(string expectedJson, string actualJson, string context)
    {
        var expected = JsonNode.Parse(expectedJson)!.AsObject();
        var actual = JsonNode.Parse(actualJson)!.AsObject();
        var expectedTime = DateTimeOffset.Parse(expected["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var actualTime = DateTimeOffset.Parse(actual["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(expectedTime == actualTime, $"{context}: timestamp {actualTime:O} != {expectedTime:O}");
        Assert.EndsWith("Z", actual["timestamp"]!.GetValue<string>());
        expected.Remove("timestamp");
        actual.Remove("timestamp");
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{context}:\nexpected {expected.ToJsonString()}\nactual   {actual.ToJsonString()}");
    }
}
