using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure.EntityConfigurations;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Contracts.Infrastructure;

public sealed class ContractsDb(DbContextOptions<ContractsDb> options) : ModuleDbContext(options)
{
    public DbSet<DatasetCopy> Datasets => Set<DatasetCopy>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new DatasetCopyConfiguration());
    }
}
