using Npgsql;

namespace Marketplace.TestSupport;

/// <summary>The same all-in-one process on the test run's PostgreSQL, each module in a fresh database of its own.</summary>
public class PostgresAllInOneMarketplace : AllInOneMarketplace
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
