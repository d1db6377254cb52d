using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// The embedded store has no migrations: a data folder made by an earlier version lacks the tables added since.
/// Restarted on such a folder, the marketplace adds them and keeps everything already stored.
/// </summary>
public sealed class EmbeddedUpgradeTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("marketplace-upgrade-").FullName;

    [Fact]
    public async Task A_data_folder_without_the_newer_tables_gets_them_and_keeps_its_data()
    {
        Guid listing;
        await using (var first = HostProcess.Start("all", new Dictionary<string, string>(), _folder))
        {
            await first.WaitUntilHealthyAsync();
            using var provider = await Tokens.DemoAsync(first.BaseAddress!, "demo-provider-x");
            listing = (await ListingClient.CreateDraftAsync(provider)).Id;
        }

        // As an earlier version left it: no organisation names anywhere, no grant records.
        foreach (var (module, table) in new[] { ("catalog", "organisation_names"), ("contracts", "organisation_names"), ("contracts", "access_grants") })
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "data", module + ".db")};Pooling=False");
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP TABLE {table}";
            await drop.ExecuteNonQueryAsync();
        }

        await using var second = HostProcess.Start("all", new Dictionary<string, string>(), _folder);
        await second.WaitUntilHealthyAsync();
        using var again = await Tokens.DemoAsync(second.BaseAddress!, "demo-provider-x");
        var kept = await again.GetFromJsonAsync<JsonElement>($"/api/catalog/datasets/{listing}");
        Assert.Equal(listing, kept.GetProperty("id").GetGuid());
        // The recreated tables work: a search names providers (the table is read) without an error.
        using var anonymous = second.CreateClient();
        Assert.True((await anonymous.GetAsync("/api/catalog/datasets?limit=5")).IsSuccessStatusCode, second.Output);
        foreach (var (module, table) in new[] { ("catalog", "organisation_names"), ("contracts", "access_grants") })
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "data", module + ".db")};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var exists = connection.CreateCommand();
            exists.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'";
            Assert.Equal(1L, (long)(await exists.ExecuteScalarAsync())!);
        }
    }
}
