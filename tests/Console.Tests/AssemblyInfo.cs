// One browser and one marketplace per collection; two collections at a time, as in the end-to-end project.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass, MaxParallelThreads = 2)]
