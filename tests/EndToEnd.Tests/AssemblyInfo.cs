// Each test starts whole processes (up to five at a time); running them one after another keeps a
// 2-core machine from timing out on start-up and keeps outages in one test away from the others.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
