using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Pricing.Domain;
using Marketplace.Pricing.Infrastructure.EntityConfigurations;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Pricing.Infrastructure;

/// <summary>Baselines, the listings' price inputs (from Catalog), voucher programmes and reservations, agreements for statistics.</summary>
public sealed class PricingDb(DbContextOptions<PricingDb> options) : ModuleDbContext(options)
{
    public DbSet<Baseline> Baselines => Set<Baseline>();

    public DbSet<ListingCopy> Listings => Set<ListingCopy>();

    public DbSet<VoucherProgramme> VoucherProgrammes => Set<VoucherProgramme>();

    public DbSet<VoucherReservation> VoucherReservations => Set<VoucherReservation>();

    public DbSet<AgreementRecord> Agreements => Set<AgreementRecord>();

    public bool IsPostgres => Database.IsNpgsql();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PricingDb).Assembly);
    }
}
