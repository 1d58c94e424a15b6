using System.Diagnostics;
using Monocle.Paygentic.Sample.Tests.Support;

namespace Monocle.Paygentic.Sample.Tests;

/// <summary>The real program, run as a new user runs it, with no OpenAI or Paygentic variables set.</summary>
[Collection(SampleCollection.Name)]
public sealed class ProcessRunTests
{
    [Fact]
    public async Task The_program_prints_the_meter_table_and_the_dropped_no_subject_call()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { SampleAssemblyPath() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in new[] { "OPENAI_BASE_URL", "OPENAI_API_KEY", "PAYGENTIC_EVENT_ENDPOINT", "PAYGENTIC_API_KEY", "PAYGENTIC_SANDBOX", "PAYGENTIC_NAMESPACE" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        // A guard against a hung run, not a timing assertion.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(guard.Token);
        var stdout = await output;
        var stderr = await errors;

        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}\n{stdout}\n{stderr}");
        Assert.Contains("/v0/billableMetrics/{id}/meter", stdout, StringComparison.Ordinal);
        foreach (var subject in Workload.Subjects)
        {
            Assert.Contains(subject, stdout, StringComparison.Ordinal);
        }

        Assert.Contains(SampleApp.ChatModel, stdout, StringComparison.Ordinal);
        Assert.Contains(SampleApp.AgentModel, stdout, StringComparison.Ordinal);
        Assert.Contains("no_subject: 1", stdout, StringComparison.Ordinal);
        Assert.Contains("equal", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("DIFFERENT", stdout, StringComparison.Ordinal);
        Assert.Contains("No subject resolved", stderr, StringComparison.Ordinal);
    }

    // The sample's own build output (its runtimeconfig and deps beside it), in this test's configuration.
    private static string SampleAssemblyPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Monocle.Paygentic.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var path = Path.Combine(root.FullName, "samples", "Monocle.Paygentic.Sample", "bin", configuration, framework, "Monocle.Paygentic.Sample.dll");
        Assert.True(File.Exists(path), $"The sample is built with this test project; not found: {path}");
        return path;
    }
}
