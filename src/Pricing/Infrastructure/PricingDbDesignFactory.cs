using Marketplace.BuildingBlocks.Persistence;

namespace Marketplace.Pricing.Infrastructure;

internal sealed class PricingDbDesignFactory : PostgresDesignTimeFactory<PricingDb>;
