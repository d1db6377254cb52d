using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Catalog.Domain;
using Marketplace.Catalog.Infrastructure.EntityConfigurations;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalog.Infrastructure;

/// <summary>Listings, their published versions and partner lists.</summary>
public sealed class CatalogDb(DbContextOptions<CatalogDb> options) : ModuleDbContext(options)
{
    public DbSet<Dataset> Datasets => Set<Dataset>();

    public DbSet<DatasetVersion> DatasetVersions => Set<DatasetVersion>();

    public DbSet<DatasetAccess> DatasetAccess => Set<DatasetAccess>();

    public DbSet<SearchIndexState> SearchIndexStates => Set<SearchIndexState>();

    public bool IsPostgres => Database.IsNpgsql();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new DatasetConfiguration(IsPostgres));
        modelBuilder.ApplyConfiguration(new DatasetVersionConfiguration());
        modelBuilder.ApplyConfiguration(new DatasetAccessConfiguration());
        modelBuilder.Entity<SearchIndexState>(b =>
        {
            b.ToTable("search_index_state");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            b.Property(x => x.TokensVersion).HasColumnName("tokens_version");
        });
    }
}
