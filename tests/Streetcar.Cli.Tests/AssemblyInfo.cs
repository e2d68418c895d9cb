// Every test runs the pipeline, and libtorch's generator and thread count are process-wide: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
