using Marketplace.BuildingBlocks.Persistence;

namespace Marketplace.Catalog.Infrastructure;

internal sealed class CatalogDbDesignFactory : PostgresDesignTimeFactory<CatalogDb>;
