using Npgsql;

namespace Marketplace.Catalog.Tests;

/// <summary>An all-in-one marketplace (demo organisations and listings seeded) on one of the two stores.</summary>
public abstract class MarketplaceHost : IAsyncLifetime
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("marketplace-catalog-").FullName;

    public HostProcess Host { get; private set; } = null!;

    public Uri BaseAddress => Host.BaseAddress!;

    protected abstract IReadOnlyDictionary<string, string> Configuration();

    public async Task InitializeAsync()
    {
        Host = HostProcess.Start("all", Configuration(), _workingDirectory);
        await Host.WaitUntilHealthyAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(_workingDirectory, recursive: true);
    }
}

/// <summary>As README's first command runs it: SQLite files, no configuration.</summary>
public sealed class SqliteMarketplace : MarketplaceHost
{
    protected override IReadOnlyDictionary<string, string> Configuration() => new Dictionary<string, string>();
}

/// <summary>The same process on the test run's PostgreSQL, each module in a fresh database of its own.</summary>
public sealed class PostgresMarketplace : MarketplaceHost
{
    protected override IReadOnlyDictionary<string, string> Configuration()
    {
        var configuration = new Dictionary<string, string> { ["Marketplace:Database:Provider"] = "Postgres" };
        foreach (var module in MicroservicesCluster.ServiceTargets)
        {
            configuration[$"ConnectionStrings:{module}"] =
                new NpgsqlConnectionStringBuilder(TestServices.Postgres) { Database = TestServices.NewDatabaseName(module) }.ConnectionString;
        }

        return configuration;
    }
}
