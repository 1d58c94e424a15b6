namespace Monocle.Paygentic.Runtime.Tests.TraceFiles;

/// <summary>Where the trace files the tests read are.</summary>
internal static class TraceFilePaths
{
    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TraceFiles", "TestData", name);

    /// <summary>The shared Monocle fixtures: <c>shared/fixtures/monocle-traces</c> in a folder above the test assembly, or null.</summary>
    public static string? SharedFixtures()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures", "monocle-traces");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static async Task<List<TRecord>> ToListAsync<TRecord>(IAsyncEnumerable<TRecord> source)
    {
        var list = new List<TRecord>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
