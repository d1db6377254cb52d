using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.BuildingBlocks.Hosting;

public static class MarketplaceConfiguration
{
    public static MarketplaceOptions GetMarketplaceOptions(this IConfiguration configuration) =>
        configuration.GetSection(MarketplaceOptions.Section).Get<MarketplaceOptions>() ?? new MarketplaceOptions();

    public static MarketplaceOptions GetMarketplaceOptions(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<MarketplaceOptions>>().Value;
}
