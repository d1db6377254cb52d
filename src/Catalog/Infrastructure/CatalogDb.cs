using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Catalog.Domain;
using Marketplace.Catalog.Infrastructure.EntityConfigurations;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalog.Infrastructure;

public sealed class CatalogDb(DbContextOptions<CatalogDb> options) : ModuleDbContext(options)
{
    public DbSet<Dataset> Datasets => Set<Dataset>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new DatasetConfiguration());
    }
}
