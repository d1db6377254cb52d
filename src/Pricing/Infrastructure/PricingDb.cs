using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Pricing.Domain;
using Marketplace.Pricing.Infrastructure.EntityConfigurations;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Pricing.Infrastructure;

/// <summary>Baselines, the datasets' price inputs (from Catalog), voucher programmes and reservations, agreements for statistics.</summary>
public sealed class PricingDb(DbContextOptions<PricingDb> options) : ModuleDbContext(options)
{
    public DbSet<Baseline> Baselines => Set<Baseline>();

    public DbSet<DatasetCopy> DatasetCopies => Set<DatasetCopy>();

    public DbSet<VoucherProgramme> VoucherProgrammes => Set<VoucherProgramme>();

    public DbSet<VoucherReservation> VoucherReservations => Set<VoucherReservation>();

    public DbSet<AgreementRecord> Agreements => Set<AgreementRecord>();

    public bool IsPostgres => Database.IsNpgsql();

    /// <summary>The same renames as the PostgreSQL migrations, for embedded files (<see cref="SqliteUpgrade"/>).</summary>
    public override IReadOnlyList<SqliteUpgrade> SqliteUpgrades =>
    [
        // DatasetVocabulary
        new SqliteUpgrade.RenameTable("listings", "dataset_copies"),
        new SqliteUpgrade.RenameColumn("dataset_copies", "completeness_score", "metadata_score"),
    ];

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PricingDb).Assembly);
    }
}
