using System.IO.Compression;

namespace Monocle.Paygentic.Package.Tests;

[Collection(PackedPackageCollection.Name)]
public sealed class PackageLayoutTests(PackedPackage package)
{
    [Fact]
    public void The_package_carries_the_runtime_the_generator_the_analyzers_and_the_build_settings()
    {
        using var nupkg = ZipFile.OpenRead(Path.Combine(package.Folder, $"Monocle.Paygentic.{package.Version}.nupkg"));
        var entries = nupkg.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("lib/net8.0/Monocle.Paygentic.dll", entries);
        Assert.Contains("lib/net10.0/Monocle.Paygentic.dll", entries);
        Assert.Contains("lib/net10.0/Monocle.Paygentic.xml", entries);
        Assert.Contains("analyzers/dotnet/roslyn4.8/cs/Monocle.Paygentic.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/roslyn4.8/cs/Monocle.Paygentic.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/roslyn4.8/cs/Monocle.Paygentic.CodeFixes.dll", entries);
        Assert.Contains("buildTransitive/Monocle.Paygentic.props", entries);
        Assert.Contains("README.md", entries);
    }

    [Fact]
    public void The_package_depends_on_OpenTelemetry_only_and_not_on_its_own_build_tools()
    {
        using var nupkg = ZipFile.OpenRead(Path.Combine(package.Folder, $"Monocle.Paygentic.{package.Version}.nupkg"));
        using var reader = new StreamReader(nupkg.GetEntry("Monocle.Paygentic.nuspec")!.Open());
        var nuspec = reader.ReadToEnd();

        Assert.Contains("<dependency id=\"OpenTelemetry\"", nuspec, StringComparison.Ordinal);
        Assert.DoesNotContain("Monocle.Paygentic.Generators", nuspec, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.CodeAnalysis", nuspec, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.AspNetCore", nuspec, StringComparison.Ordinal);
    }
}
