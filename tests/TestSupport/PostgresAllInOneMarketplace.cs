using Npgsql;

namespace Marketplace.TestSupport;

/// <summary>The same all-in-one process on the test run's PostgreSQL, each module in a fresh database of its own.</summary>
public class PostgresAllInOneMarketplace : AllInOneMarketplace
{
    private Dictionary<string, string> _databases = [];

    protected override IReadOnlyDictionary<string, string> Configuration()
    {
        _databases = MicroservicesCluster.ServiceTargets.ToDictionary(
            module => module, module => new NpgsqlConnectionStringBuilder(TestServices.Postgres) { Database = TestServices.NewDatabaseName(module) }.ConnectionString);
        var configuration = new Dictionary<string, string> { ["Marketplace:Database:Provider"] = "Postgres" };
        foreach (var (module, connection) in _databases)
        {
            configuration[$"ConnectionStrings:{module}"] = connection;
        }

        return configuration;
    }

    public override Task<long> OutboxCountAsync(string target, string type, Guid id) => Sql.CountAsync(
        _databases[target], "SELECT COUNT(*) FROM outbox_messages WHERE type LIKE @type AND payload LIKE @id", ("type", $"%.{type}"), ("id", $"%{id}%"));
}
