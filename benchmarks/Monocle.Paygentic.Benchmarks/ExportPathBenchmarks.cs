using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Monocle.Paygentic;
using Monocle.Paygentic.Delivery;
using Monocle.Paygentic.Export;
using Monocle.Paygentic.Instrumentation;

namespace Monocle.Paygentic.Benchmarks;

/// <summary>
/// What <c>PaygenticExporter.Export</c> costs per billable span before it returns: conversion to a
/// Paygentic event, JSON serialisation, and the durable spool append (one file per event, written to a
/// temporary name and renamed), with the flush to the disk on (the default) and off.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1000)]   // an iteration setup (a fresh spool folder) needs a fixed count
public class ExportPathBenchmarks
{
    private static readonly Uri s_endpoint = new("https://api.paygentic.io/v0/events");

    private readonly PaygenticEventConverter _converter = new();
    private ActivityListener? _listener;
    private Activity _span = null!;
    private EventSpool _spool = null!;
    private string _folder = "";
    private int _sequence;

    [Params(true, false)]
    public bool FlushToDisk { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == MonocleTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);
        using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, "sub_benchmark"))
        {
            var span = InferenceSpan.Start("openai", "Assistant.Ask", model: "gpt-4o", endpoint: "https://api.openai.com/v1/");
            _span = span.Activity!;
            span.End(new InferenceUsage { PromptTokens = 1200, CompletionTokens = 350, FinishReason = "stop" });
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(_converter.Convert(_span).Event!, PaygenticJsonContext.Default.PaygenticEvent);
        Console.WriteLine($"// Event body: {body.Length} bytes");
    }

    [IterationSetup]
    public void NewSpool()
    {
        _folder = Path.Combine(Path.GetTempPath(), "monocle-bench-" + Guid.NewGuid().ToString("N"));
        _spool = new EventSpool(_folder, s_endpoint, null, int.MaxValue, FlushToDisk, TimeProvider.System);
    }

    [IterationCleanup]
    public void DeleteSpool() => Directory.Delete(_folder, recursive: true);

    [GlobalCleanup]
    public void Cleanup() => _listener?.Dispose();

    /// <summary>One span exported: converted, serialised and spooled (each under its own idempotency key, as distinct spans are).</summary>
    [Benchmark]
    public int ConvertSerialiseSpool()
    {
        var paygenticEvent = _converter.Convert(_span).Event!;
        var body = JsonSerializer.SerializeToUtf8Bytes(paygenticEvent, PaygenticJsonContext.Default.PaygenticEvent);
        _spool.Append(paygenticEvent.IdempotencyKey + "_" + ++_sequence, body);
        return body.Length;
    }
}
