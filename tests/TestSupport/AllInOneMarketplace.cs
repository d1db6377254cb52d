using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.BuildingBlocks.Hosting;
using Microsoft.Data.Sqlite;

namespace Marketplace.TestSupport;

/// <summary>
/// One all-in-one marketplace as README's first command runs it (no configuration at all: the defaults of
/// <c>--target all</c>, with demo organisations, datasets, baselines), shared by a test class.
/// </summary>
public class AllInOneMarketplace : IAsyncLifetime
{
    public string WorkingDirectory { get; } = Directory.CreateTempSubdirectory("marketplace-all-").FullName;

    public HostProcess Host { get; private set; } = null!;

    public Uri BaseAddress => Host.BaseAddress!;

    /// <summary>Where the host keeps its development keys (tests sign their own forged tokens with them).</summary>
    public string KeysFolder => Path.Combine(WorkingDirectory, "data", "keys");

    public async Task InitializeAsync()
    {
        Host = HostProcess.Start("all", Configuration(), WorkingDirectory);
        await Host.WaitUntilHealthyAsync();
    }

    /// <summary>None: SQLite files and the in-memory bus, as README's first command runs it.</summary>
    protected virtual IReadOnlyDictionary<string, string> Configuration() => new Dictionary<string, string>();

    /// <summary>A public demo dataset matching the catalog query.</summary>
    public async Task<Guid> DemoDatasetAsync(string query)
    {
        using var anonymous = Host.CreateClient();
        var page = await anonymous.GetFromJsonAsync<JsonElement>($"/api/catalog/datasets?{query}&provider={DemoOrganisations.ProviderX}&limit=1");
        return page.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    /// <summary>How many outbox rows of the module <paramref name="target"/> carry an event of <paramref name="type"/> (its short name) mentioning <paramref name="id"/>.</summary>
    public virtual async Task<long> OutboxCountAsync(string target, string type, Guid id)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(WorkingDirectory, "data", $"{target}.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox_messages WHERE type LIKE $type AND payload LIKE $id";
        command.Parameters.AddWithValue("$type", $"%.{type}");
        command.Parameters.AddWithValue("$id", $"%{id}%");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(WorkingDirectory, recursive: true);
    }
}
