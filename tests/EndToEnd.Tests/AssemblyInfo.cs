// Each test class starts whole processes (up to five at a time). Two classes run at once: most of a test is waiting
// (for a process to start, an event to arrive, a broker to return), so two overlap well on a 2-core machine, and every
// wait is a deadline scaled by MARKETPLACE_TEST_SLOWDOWN, never a sleep. Classes that share state share a collection
// (SharedMarketplace); outages and kills use private services and data folders of their own.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass, MaxParallelThreads = 2)]
// The longest first, so the run does not end with one long class alone (see RunsAbout on the classes).
[assembly: TestCollectionOrderer(LongestFirst.TypeName, LongestFirst.AssemblyName)]
