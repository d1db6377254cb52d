namespace Marketplace.EndToEnd.Console;

/// <summary>An all-in-one marketplace (README's first command: embedded stores, demo data) and a browser.</summary>
public sealed class ConsoleMarketplace : IAsyncLifetime
{
    public AllInOneMarketplace Marketplace { get; } = new();

    public ConsoleBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => Marketplace.BaseAddress;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Marketplace.InitializeAsync(), LaunchAsync());

        async Task LaunchAsync() => Browser = await ConsoleBrowser.LaunchAsync();
    }

    public Task<IPage> OpenAsync(int width = 1280) => Browser.OpenAsync(BaseAddress, width);

    public async Task DisposeAsync()
    {
        // Beside the pictures of failed pages: what the marketplace logged meanwhile.
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "marketplace-screenshots")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "host-output.log"), Marketplace.Host.Output);
        await Browser.DisposeAsync();
        await Marketplace.DisposeAsync();
    }
}

/// <summary>Providers and buyers at work: the catalog, the negotiation stories, agreements.</summary>
[CollectionDefinition(Name)]
public sealed class TradingConsole : ICollectionFixture<ConsoleMarketplace>
{
    public const string Name = "Console for trading, on its own all-in-one marketplace";
}

/// <summary>
/// Registration, administrators' pages and accessibility sweeps, on a marketplace of their own, so that the two
/// collections run side by side (each collection's tests run one after the other).
/// </summary>
[CollectionDefinition(Name)]
public sealed class AdministrationConsole : ICollectionFixture<ConsoleMarketplace>
{
    public const string Name = "Console for administration, on its own all-in-one marketplace";
}
