using System.Diagnostics;
using System.Text;

namespace Monocle.Paygentic.Package.Tests;

/// <summary>Runs the <c>dotnet</c> CLI as a user would, capturing its output.</summary>
internal static class DotNetCli
{
    public static async Task<CommandResult> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The consumer must not inherit the test host's MSBuild state.
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'dotnet {string.Join(' ', arguments)}' did not finish within {timeout}. Output so far:\n{output}");
        }

        process.WaitForExit();   // drains the output
        lock (output)
        {
            return new CommandResult(process.ExitCode, output.ToString(), $"dotnet {string.Join(' ', arguments)}");
        }
    }
}

internal sealed record CommandResult(int ExitCode, string Output, string Command)
{
    public CommandResult EnsureSuccess() =>
        ExitCode == 0 ? this : throw new Xunit.Sdk.XunitException($"'{Command}' exited with {ExitCode}:\n{Output}");
}
