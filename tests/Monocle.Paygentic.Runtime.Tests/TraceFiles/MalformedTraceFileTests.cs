using System.Text;
using Monocle.Paygentic.Export;
using Monocle.Paygentic.TraceFiles;

namespace Monocle.Paygentic.Runtime.Tests.TraceFiles;

public class MalformedTraceFileTests
{
    private const string GoodA = """{"name": "a", "context": {"trace_id": "0x11111111111111111111111111111111", "span_id": "0xaaaaaaaaaaaaaaaa"}, "end_time": "2025-01-01T00:00:01Z", "attributes": {"span.type": "inference", "entity.1.type": "inference.openai", "scope.subscriptionId": "sub_1"}, "events": [{"name": "metadata", "attributes": {"total_tokens": 5}}]}""";
    private const string GoodB = """{"name": "b", "context": {"trace_id": "0x11111111111111111111111111111111", "span_id": "0xbbbbbbbbbbbbbbbb"}, "end_time": "2025-01-01T00:00:02Z", "attributes": {"span.type": "inference", "entity.1.type": "inference.openai", "scope.subscriptionId": "sub_1"}, "events": [{"name": "metadata", "attributes": {"total_tokens": 6}}]}""";

    private static async Task<List<TraceFileRecord>> Read(string content) =>
        await TraceFilePaths.ToListAsync(MonocleTraceFile.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)), "bad.json"));

    private static TraceFileError SingleError(List<TraceFileRecord> records) => Assert.Single(records, r => !r.IsSpan).Error!;

    [Fact]
    public async Task Not_json_at_all_is_named_at_its_first_byte()
    {
        var error = SingleError(await Read("hello"));
        Assert.Equal(new TraceFileError("bad.json", 1, 1, 0, null, error.Message), error);
        Assert.Contains("not a Monocle trace file", error.Message, StringComparison.Ordinal);
        Assert.Equal("bad.json(1,1): byte 0: " + error.Message, error.ToString());
    }

    [Fact]
    public async Task An_empty_file_is_an_error()
    {
        var error = SingleError(await Read("  \n"));
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_cut_inside_a_span_keeps_the_spans_before_it()
    {
        var content = "[\n" + GoodA + ",\n" + GoodB[..40];
        var records = await Read(content);

        Assert.Equal("a", records[0].Span!.Name);
        var error = records[1].Error!;
        Assert.Equal(2, records.Count);
        Assert.Equal(1, error.SpanIndex);
        Assert.Equal(3, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Equal(2 + GoodA.Length + 2, error.ByteOffset);
        Assert.Contains("ends inside span #1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_without_its_closing_bracket_keeps_every_span_and_says_so()
    {
        var records = await Read("[" + GoodA + "\n," + GoodB + "\n");

        Assert.Equal(["a", "b"], records.Where(r => r.IsSpan).Select(r => r.Span!.Name));
        var error = SingleError(records);
        Assert.Null(error.SpanIndex);
        Assert.Equal(3, error.Line);
        Assert.Contains("closing ']'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_json_inside_a_span_is_located_and_the_next_span_still_converts()
    {
        var broken = "{\"name\": \"x\",\n \"context\": {\"trace_id\": oops}}";
        var content = "[\n" + GoodA + ",\n" + broken + ",\n" + GoodB + "\n]";
        var records = await Read(content);

        Assert.Equal(["a", "b"], records.Where(r => r.IsSpan).Select(r => r.Span!.Name));
        var error = SingleError(records);
        Assert.Equal(1, error.SpanIndex);
        Assert.Equal(4, error.Line);
        Assert.Equal(26, error.Column);
        Assert.Equal(content.IndexOf("oops", StringComparison.Ordinal), error.ByteOffset);
        Assert.StartsWith("invalid JSON", error.Message, StringComparison.Ordinal);

        var events = new PaygenticEventConverter().ConvertAll(records.Where(r => r.IsSpan).Select(r => r.Span!)).Where(c => c.HasEvent).ToList();
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public async Task A_span_missing_its_closing_brace_does_not_swallow_the_next_span()
    {
        var content = "[\n" + GoodA[..^1] + "\n,\n" + GoodB + "\n]";
        var records = await Read(content);

        Assert.Equal(["b"], records.Where(r => r.IsSpan).Select(r => r.Span!.Name));
        Assert.Equal(0, SingleError(records).SpanIndex);
    }

    [Theory]
    [InlineData("42", "expected a span object, found a number")]
    [InlineData("""{"name": "x", "end_time": "2025-01-01T00:00:00Z"}""", "'context' is missing")]
    [InlineData("""{"name": "x", "context": {"span_id": "0xaaaaaaaaaaaaaaaa"}, "end_time": "2025-01-01T00:00:00Z"}""", "'context.trace_id' is missing")]
    [InlineData("""{"name": "x", "context": {"trace_id": "0x11111111111111111111111111111111", "span_id": "0xaaaa"}, "end_time": "2025-01-01T00:00:00Z"}""", "'context.span_id' must be 16 hex digits (with or without 0x), found \"0xaaaa\"")]
    [InlineData("""{"name": 7, "context": {}}""", "'name' must be a string, found a number")]
    [InlineData("""{"name": "x", "context": {"trace_id": "0x11111111111111111111111111111111", "span_id": "0xaaaaaaaaaaaaaaaa"}, "end_time": "yesterday"}""", "'end_time' is not a date-time: \"yesterday\"")]
    [InlineData("""{"name": "x", "context": {"trace_id": "0x11111111111111111111111111111111", "span_id": "0xaaaaaaaaaaaaaaaa"}, "end_time": "2025-01-01T00:00:00Z", "attributes": []}""", "'attributes' must be an object, found an array")]
    [InlineData("""{"name": "x", "context": {"trace_id": "0x11111111111111111111111111111111", "span_id": "0xaaaaaaaaaaaaaaaa"}, "end_time": "2025-01-01T00:00:00Z", "events": [{"attributes": {}}]}""", "'events[0].name' is missing")]
    public async Task A_span_of_the_wrong_shape_is_named_by_index_and_field_and_skipped(string badSpan, string message)
    {
        var content = "[\n" + GoodA + ",\n  " + badSpan + ",\n" + GoodB + "\n]";
        var records = await Read(content);

        Assert.Equal(["a", "b"], records.Where(r => r.IsSpan).Select(r => r.Span!.Name));
        var error = SingleError(records);
        Assert.Equal(new TraceFileError("bad.json", 3, 3, 2 + GoodA.Length + 2 + 2, 1, message), error);
    }

    [Fact]
    public async Task A_bad_line_in_a_one_span_per_line_file_loses_only_that_line()
    {
        var records = await Read(GoodA + "\n{\"name\": oops}\n" + GoodB + "\n");

        Assert.Equal(["a", "b"], records.Where(r => r.IsSpan).Select(r => r.Span!.Name));
        Assert.Equal(2, SingleError(records).Line);
    }
}
