namespace Monocle.Paygentic.Package.Tests;

/// <summary>
/// A fresh project that references only the packed package, restored from the pack folder and the
/// ordinary NuGet feed, as a user's project would be. Tests add source files, then build and run it.
/// </summary>
internal sealed class ConsumerProject : IDisposable
{
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromMinutes(5);
    private readonly PackedPackage _package;

    public ConsumerProject(PackedPackage package, string name, string targetFramework = "net10.0", string extraPackageReferences = "")
    {
        _package = package;
        Directory = Path.Combine(Path.GetTempPath(), "monocle-paygentic-consumers", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Directory);

        // Isolated from the repository's Directory.Build.props and central package management.
        File.WriteAllText(Path.Combine(Directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Directory, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(Directory, "global.json"), File.ReadAllText(Path.Combine(package.RepositoryRoot, "global.json")));
        File.WriteAllText(Path.Combine(Directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{package.Folder}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(Directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{targetFramework}</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Monocle.Paygentic" Version="{package.Version}" />
                {extraPackageReferences}
              </ItemGroup>
            </Project>
            """);
    }

    public string Directory { get; }

    public ConsumerProject WithFile(string relativePath, string content)
    {
        File.WriteAllText(Path.Combine(Directory, relativePath), content);
        return this;
    }

    /// <summary><c>dotnet build</c>; the result's output holds the compiler's warnings.</summary>
    public Task<CommandResult> BuildAsync() =>
        DotNetCli.RunAsync(Directory, s_commandTimeout, environment: null, "build", "-nologo", "-clp:NoSummary");

    /// <summary><c>dotnet run</c> with no build (call <see cref="BuildAsync"/> first).</summary>
    /// <param name="environment">Environment variables of the run, e.g. where Paygentic is.</param>
    public Task<CommandResult> RunAsync(IReadOnlyDictionary<string, string>? environment = null) =>
        DotNetCli.RunAsync(Directory, s_commandTimeout, environment, "run", "--no-build");

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the temp folder is cleaned up later.
        }
    }
}
