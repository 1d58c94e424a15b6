// Monocle's ActivitySource is process-wide: a span made in one test would reach every tracer provider
// alive in the others, so the tests of this assembly run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
