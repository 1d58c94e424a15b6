using Monocle.Paygentic.Export;
using Monocle.Paygentic.Runtime.Tests.TraceFiles;
using Monocle.Paygentic.TraceFiles;

namespace Monocle.Paygentic.Runtime.Tests.Conversion;

public class FixtureConversionTests
{
    [SkippableFact]
    public async Task Every_shared_fixture_converts_to_exactly_its_expected_events()
    {
        var folder = TraceFilePaths.SharedFixtures();
        Skip.If(folder is null, "shared/fixtures/monocle-traces not found above the test assembly (the fixtures live outside the repo)");

        var files = Directory.GetFiles(folder!, "*.json");
        Assert.NotEmpty(files);
        var converter = new PaygenticEventConverter();
        foreach (var file in files)
        {
            var errors = new List<TraceFileError>();
            var actual = new List<string>();
            await foreach (var conversion in converter.ConvertAllAsync(MonocleTraceFile.ReadSpansAsync(file, errors.Add)))
            {
                if (conversion.Event is { } e)
                {
                    actual.Add(EventJson.Serialize(e));
                }
            }

            Assert.Empty(errors);
            var expected = File.ReadAllLines(Path.ChangeExtension(file, ".expected.jsonl")).Where(l => l.Length > 0).ToList();
            Assert.True(expected.Count == actual.Count, $"{Path.GetFileName(file)}: {actual.Count} events, expected {expected.Count}");
            for (var i = 0; i < expected.Count; i++)
            {
                EventJson.AssertSame(expected[i], actual[i], $"{Path.GetFileName(file)} event {i}");
            }
        }
    }
}
