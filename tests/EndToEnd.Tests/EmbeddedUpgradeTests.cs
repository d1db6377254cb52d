using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// The embedded store has no migrations: a data folder made by an earlier version lacks the tables added since and
/// has tables and columns under their earlier names, and lacks columns added since. Restarted on such a folder, the marketplace renames and adds
/// what it must and keeps everything already stored.
/// </summary>
[RunsAbout(65)]
public sealed class EmbeddedUpgradeTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("marketplace-upgrade-").FullName;

    [Fact]
    public async Task A_data_folder_of_an_earlier_version_is_renamed_and_completed_and_keeps_its_data()
    {
        Guid dataset;
        Guid draft;
        long copies;
        await using (var first = HostProcess.Start("all", new Dictionary<string, string>(), _folder))
        {
            await first.WaitUntilHealthyAsync();
            using var provider = await Tokens.DemoAsync(first.BaseAddress!, "demo-provider-x");
            draft = (await DatasetClient.CreateDraftAsync(provider)).Id;
            using var anonymous = first.CreateClient();
            var page = await anonymous.GetFromJsonAsync<JsonElement>("/api/catalog/datasets?limit=1");
            dataset = page.GetProperty("items")[0].GetProperty("id").GetGuid();
            // Every published demo dataset reaches Pricing's copy through the bus.
            copies = await ScalarAsync("catalog", "SELECT count(*) FROM datasets WHERE status = 'Published'");
            Assert.True(copies > 0);
            await Eventually.HoldsAsync(async () => await ScalarAsync("pricing", "SELECT count(*) FROM dataset_copies") == copies,
                TimeSpan.FromSeconds(30), "the demo datasets to reach Pricing");
        }

        // As earlier versions left it: no organisation names, no grant records (added since), and the tables and
        // columns under their names before the dataset vocabulary.
        await ExecuteAsync("catalog", "DROP TABLE organisation_names", "DROP INDEX \"IX_datasets_status_metadata_score_id\"",
            "ALTER TABLE datasets RENAME COLUMN metadata_score TO completeness_score",
            "ALTER TABLE dataset_versions RENAME COLUMN metadata_score TO completeness_score",
            "CREATE INDEX \"IX_datasets_status_completeness_score_id\" ON datasets (status, completeness_score, id)");
        await ExecuteAsync("pricing", "ALTER TABLE dataset_copies RENAME COLUMN metadata_score TO completeness_score", "ALTER TABLE dataset_copies RENAME TO listings");
        await ExecuteAsync("contracts", "DROP TABLE organisation_names", "DROP TABLE access_grants", "ALTER TABLE dataset_copies RENAME TO datasets",
            "ALTER TABLE negotiations RENAME COLUMN dataset_version TO listing_version", "ALTER TABLE agreements RENAME COLUMN dataset_version TO listing_version",
            "DROP TABLE standard_offers", "ALTER TABLE negotiations DROP COLUMN standard_offer_id",
            "ALTER TABLE negotiations DROP COLUMN dsp_participant_id", "ALTER TABLE negotiations DROP COLUMN dsp_consumer_pid",
            "ALTER TABLE negotiations DROP COLUMN dsp_callback_address", "DROP TABLE dsp_callbacks");
        await ExecuteAsync("identity", "ALTER TABLE api_clients DROP COLUMN connector");

        await using var second = HostProcess.Start("all", new Dictionary<string, string>(), _folder);
        await second.WaitUntilHealthyAsync();
        // Renamed with their rows; missing tables added; nothing stored is lost.
        Assert.Equal(copies, await ScalarAsync("pricing", "SELECT count(*) FROM dataset_copies"));
        Assert.Equal(0L, await ScalarAsync("pricing", "SELECT count(*) FROM sqlite_master WHERE name = 'listings'"));
        Assert.Equal(0L, await ScalarAsync("catalog", "SELECT count(*) FROM sqlite_master WHERE name = 'IX_datasets_status_completeness_score_id'"));
        foreach (var (module, table) in new[] { ("catalog", "organisation_names"), ("contracts", "organisation_names"), ("contracts", "access_grants"), ("contracts", "standard_offers"), ("contracts", "dsp_callbacks") })
        {
            Assert.Equal(1L, await ScalarAsync(module, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"));
        }

        // Columns added since: the stored rows get them, empty (and the API clients still get tokens, below).
        Assert.Equal(4L, await ScalarAsync("contracts",
            "SELECT count(*) FROM pragma_table_info('negotiations') WHERE name IN ('standard_offer_id', 'dsp_participant_id', 'dsp_consumer_pid', 'dsp_callback_address')"));
        Assert.Equal(1L, await ScalarAsync("identity", "SELECT count(*) FROM pragma_table_info('api_clients') WHERE name = 'connector'"));

        using var providerAgain = await Tokens.DemoAsync(second.BaseAddress!, "demo-provider-x");
        Assert.Equal(draft, (await providerAgain.GetFromJsonAsync<JsonElement>($"/api/catalog/datasets/{draft}")).GetProperty("id").GetGuid());
        // Every module reads what it renamed or recreated: the catalog sorts by the score and names providers,
        // Pricing quotes from its copy, Contracts finds the dataset negotiable in its copy.
        using var anonymousAgain = second.CreateClient();
        Assert.True((await anonymousAgain.GetAsync("/api/catalog/datasets?sort=metadataScore&limit=5")).IsSuccessStatusCode, second.Output);
        using var buyer = await Tokens.DemoAsync(second.BaseAddress!, "demo-buyer-a");
        var quote = await buyer.PostAsJsonAsync("/api/pricing/quotes", new { datasetId = dataset, purpose = "research", durationMonths = 12 });
        Assert.True(quote.IsSuccessStatusCode, await quote.Content.ReadAsStringAsync());
        Assert.True((await buyer.GetAsync($"/api/contracts/datasets/{dataset}")).IsSuccessStatusCode, second.Output);
        Assert.True((await buyer.GetAsync("/api/contracts/negotiations")).IsSuccessStatusCode, second.Output);
    }

    private async Task ExecuteAsync(string module, params string[] statements)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "data", module + ".db")};Pooling=False");
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task<long> ScalarAsync(string module, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "data", module + ".db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
