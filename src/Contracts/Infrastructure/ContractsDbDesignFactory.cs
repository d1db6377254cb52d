using Marketplace.BuildingBlocks.Persistence;

namespace Marketplace.Contracts.Infrastructure;

internal sealed class ContractsDbDesignFactory : PostgresDesignTimeFactory<ContractsDb>;
