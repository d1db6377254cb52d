using Marketplace.BuildingBlocks.Persistence;

namespace Marketplace.Identity.Infrastructure;

internal sealed class IdentityDbDesignFactory : PostgresDesignTimeFactory<IdentityDb>;
