using Marketplace.Pricing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Pricing.Infrastructure.EntityConfigurations;

internal sealed class VoucherProgrammeConfiguration : IEntityTypeConfiguration<VoucherProgramme>
{
    public void Configure(EntityTypeBuilder<VoucherProgramme> b)
    {
        b.ToTable("voucher_programmes");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.SubsidyPercent).HasPrecision(9, 4);
        b.Property(x => x.CapPerAgreementKrw).HasPrecision(18, 0);
        b.Property(x => x.BudgetKrw).HasPrecision(18, 0);
        // Every reservation changes it, so two reservations computed from the same remainder cannot both commit.
        b.Property(x => x.Reserved).HasColumnName("reserved_krw").HasPrecision(18, 0).IsConcurrencyToken();
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Ignore(x => x.RemainingKrw);
        // SQLite keeps decimals as text, which compares character by character ("25" > "100"): cast, so the
        // same constraint holds numerically on both stores (a no-op on PostgreSQL's numeric).
        b.ToTable(t => t.HasCheckConstraint("ck_voucher_budget",
            "CAST(reserved_krw AS NUMERIC) >= 0 AND CAST(reserved_krw AS NUMERIC) <= CAST(budget_krw AS NUMERIC)"));
    }
}
