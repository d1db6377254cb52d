using Microsoft.Extensions.Configuration;

namespace Marketplace.BuildingBlocks.Hosting;

public static class MarketplaceConfiguration
{
    public static MarketplaceOptions GetMarketplaceOptions(this IConfiguration configuration) =>
        configuration.GetSection(MarketplaceOptions.Section).Get<MarketplaceOptions>() ?? new MarketplaceOptions();
}
