// Tests train models, and libtorch's generator and thread count are process-wide: one test at a time, or a
// parallel test could draw from the generator between another test's seeding and its use.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
