using Npgsql;

namespace Marketplace.EndToEnd.Tests;

public sealed class ReplicaTests
{
    [Fact]
    public async Task Two_replicas_starting_at_once_on_a_new_database_both_come_up_and_migrate_once()
    {
        var database = TestServices.NewDatabaseName("replicas");
        var configuration = new Dictionary<string, string>
        {
            ["ConnectionStrings:catalog"] = new NpgsqlConnectionStringBuilder(TestServices.Postgres) { Database = database }.ConnectionString,
            ["Marketplace:Bus:RabbitMqUri"] = await TestServices.NewRabbitMqVirtualHostAsync(),
        };

        await using var first = HostProcess.Start("catalog", configuration);
        await using var second = HostProcess.Start("catalog", configuration);
        await Task.WhenAll(first.WaitUntilHealthyAsync(), second.WaitUntilHealthyAsync());

        var connection = new NpgsqlConnectionStringBuilder(TestServices.Postgres) { Database = database }.ConnectionString;
        // Without the migration lock the slower replica fails on objects the other one just created.
        var migrations = Directory.GetFiles(Path.Combine(TestServices.RepositoryRoot, "src", "Catalog", "Infrastructure", "Migrations"), "*.Designer.cs").Length;
        Assert.Equal(migrations, await Sql.CountAsync(connection, "SELECT count(*) FROM \"__EFMigrationsHistory\""));
        foreach (var replica in new[] { first, second })
        {
            using var client = replica.CreateClient();
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/api/catalog/datasets/{Guid.NewGuid()}")).StatusCode);
        }
    }
}
