// The replay reads PAYGENTIC_API_KEY from the environment, which is process-wide: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
