namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// One all-in-one marketplace (embedded stores, in-memory bus, demo data, as README's first command runs it) shared by
/// every test class that needs nothing of its own: starting and seeding one per class cost more than a minute of the
/// suite. Tests that change what others rely on (throttling, outages, kills, configuration) start their own.
/// </summary>
[RunsAbout(230)]
[CollectionDefinition(Name)]
public sealed class SharedMarketplace : ICollectionFixture<AllInOneMarketplace>
{
    public const string Name = "Shared all-in-one marketplace";
}
