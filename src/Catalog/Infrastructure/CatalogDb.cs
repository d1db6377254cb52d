using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Catalog.Domain;
using Marketplace.Catalog.Infrastructure.EntityConfigurations;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalog.Infrastructure;

/// <summary>Datasets, their published versions and partner lists.</summary>
public sealed class CatalogDb(DbContextOptions<CatalogDb> options) : ModuleDbContext(options)
{
    public DbSet<Dataset> Datasets => Set<Dataset>();

    public DbSet<DatasetVersion> DatasetVersions => Set<DatasetVersion>();

    public DbSet<DatasetAccess> DatasetAccess => Set<DatasetAccess>();

    public DbSet<SearchIndexState> SearchIndexStates => Set<SearchIndexState>();

    public bool IsPostgres => Database.IsNpgsql();

    /// <summary>The same renames as the PostgreSQL migrations, for embedded files (<see cref="SqliteUpgrade"/>).</summary>
    public override IReadOnlyList<SqliteUpgrade> SqliteUpgrades =>
    [
        // DatasetVocabulary
        new SqliteUpgrade.RenameColumn("datasets", "completeness_score", "metadata_score"),
        new SqliteUpgrade.RenameColumn("dataset_versions", "completeness_score", "metadata_score"),
        new SqliteUpgrade.Statement("DROP INDEX IF EXISTS \"IX_datasets_status_completeness_score_id\""),
    ];

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
            b.Property(x => x.Id).ValueGeneratedNever();
        });
    }
}
