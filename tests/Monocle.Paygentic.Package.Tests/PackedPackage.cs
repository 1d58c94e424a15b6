namespace Monocle.Paygentic.Package.Tests;

/// <summary>
/// Packs Monocle.Paygentic (and its satellite packages) once per test run into a folder of its own,
/// with a version no earlier run used, so NuGet's global cache can never serve a stale copy.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    public string RepositoryRoot { get; } = FindRepositoryRoot();

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "monocle-paygentic-packages", Guid.NewGuid().ToString("N"));

    public string Version { get; } = $"0.1.0-pkgtest.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        foreach (var project in new[] { "src/Monocle.Paygentic.Runtime", "src/Monocle.Paygentic.AspNetCore" })
        {
            (await DotNetCli.RunAsync(RepositoryRoot, TimeSpan.FromMinutes(8), environment: null,
                "pack", project, "-c", "Release", "-o", Folder, $"-p:Version={Version}", "-nologo")).EnsureSuccess();
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monocle.Paygentic.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Monocle.Paygentic.sln not found above {AppContext.BaseDirectory}.");
    }
}

[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed package";
}
