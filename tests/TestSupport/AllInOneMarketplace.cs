using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.BuildingBlocks.Hosting;

namespace Marketplace.TestSupport;

/// <summary>An all-in-one marketplace as README's first command runs it (demo organisations, listings, baselines).</summary>
public sealed class AllInOneMarketplace : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("marketplace-all-").FullName;

    public HostProcess Host { get; private set; } = null!;

    public Uri BaseAddress => Host.BaseAddress!;

    public async Task InitializeAsync()
    {
        Host = HostProcess.Start("all", new Dictionary<string, string>(), _folder);
        await Host.WaitUntilHealthyAsync();
    }

    /// <summary>A public demo listing matching the catalog query.</summary>
    public async Task<Guid> DemoListingAsync(string query)
    {
        using var anonymous = Host.CreateClient();
        var page = await anonymous.GetFromJsonAsync<JsonElement>($"/api/catalog/datasets?{query}&provider={DemoOrganisations.ProviderX}&limit=1");
        return page.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
