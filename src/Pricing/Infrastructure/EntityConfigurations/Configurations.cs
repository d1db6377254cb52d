using Marketplace.Pricing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Pricing.Infrastructure.EntityConfigurations;

internal sealed class BaselineConfiguration : IEntityTypeConfiguration<Baseline>
{
    public void Configure(EntityTypeBuilder<Baseline> b)
    {
        b.ToTable("baselines");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(x => x.ProcessStage).HasColumnName("process_stage").HasMaxLength(50);
        b.Property(x => x.DataType).HasColumnName("data_type").HasMaxLength(50);
        b.Property(x => x.Version).HasColumnName("version");
        b.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.BasePrice).HasColumnName("base_price").HasPrecision(18, 2);
        b.Property(x => x.Factors).HasColumnName("factors").AsJson();
        b.Property(x => x.EffectiveFrom).HasColumnName("effective_from");
        b.Property(x => x.CreatedBy).HasColumnName("created_by").HasMaxLength(100);
        b.Property(x => x.CreatedAt).HasColumnName("created_at");
        b.Property(x => x.PublishedBy).HasColumnName("published_by").HasMaxLength(100);
        b.Property(x => x.PublishedAt).HasColumnName("published_at");
        b.Ignore(x => x.IsDefault);
        b.HasIndex(x => new { x.ProcessStage, x.DataType, x.Status, x.EffectiveFrom });
        // Two administrators publishing the same category at once cannot both get one version number.
        b.HasIndex(x => new { x.ProcessStage, x.DataType, x.Version }).IsUnique().HasFilter("version > 0");
    }
}

internal sealed class ListingCopyConfiguration : IEntityTypeConfiguration<ListingCopy>
{
    public void Configure(EntityTypeBuilder<ListingCopy> b)
    {
        b.ToTable("listings");
        b.HasKey(x => x.DatasetId);
        b.Property(x => x.DatasetId).HasColumnName("dataset_id").ValueGeneratedNever();
        b.Property(x => x.Version).HasColumnName("version");
        b.Property(x => x.ProviderOrganisationId).HasColumnName("provider_organisation_id");
        b.Property(x => x.ProcessStage).HasColumnName("process_stage").HasMaxLength(50);
        b.Property(x => x.DataType).HasColumnName("data_type").HasMaxLength(50);
        b.Property(x => x.RecordCount).HasColumnName("record_count");
        b.Property(x => x.CoverageFrom).HasColumnName("coverage_from");
        b.Property(x => x.CoverageTo).HasColumnName("coverage_to");
        b.Property(x => x.CompletenessScore).HasColumnName("completeness_score");
        b.Property(x => x.Labelled).HasColumnName("labelled");
        b.Property(x => x.ExclusivityAvailable).HasColumnName("exclusivity_available");
        b.PrimitiveCollection(x => x.VisibleTo).HasColumnName("visible_to");
        b.Property(x => x.Listed).HasColumnName("listed");
        b.Property(x => x.SyncedAt).HasColumnName("synced_at");
        b.Ignore(x => x.HistoryMonths);
    }
}

internal sealed class VoucherProgrammeConfiguration : IEntityTypeConfiguration<VoucherProgramme>
{
    public void Configure(EntityTypeBuilder<VoucherProgramme> b)
    {
        b.ToTable("voucher_programmes");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(x => x.Name).HasColumnName("name").HasMaxLength(200);
        b.Property(x => x.ForSmes).HasColumnName("for_smes");
        b.PrimitiveCollection(x => x.Organisations).HasColumnName("organisations");
        b.Property(x => x.SubsidyPercent).HasColumnName("subsidy_percent").HasPrecision(9, 4);
        b.Property(x => x.CapPerAgreementKrw).HasColumnName("cap_per_agreement_krw").HasPrecision(18, 0);
        b.Property(x => x.BudgetKrw).HasColumnName("budget_krw").HasPrecision(18, 0);
        // Every reservation changes it, so two reservations computed from the same remainder cannot both commit.
        b.Property(x => x.Reserved).HasColumnName("reserved_krw").HasPrecision(18, 0).IsConcurrencyToken();
        b.Property(x => x.ValidFrom).HasColumnName("valid_from");
        b.Property(x => x.ValidTo).HasColumnName("valid_to");
        b.Property(x => x.CreatedBy).HasColumnName("created_by").HasMaxLength(100);
        b.Property(x => x.CreatedAt).HasColumnName("created_at");
        b.Ignore(x => x.RemainingKrw);
        b.ToTable(t => t.HasCheckConstraint("ck_voucher_budget", "reserved_krw >= 0 AND reserved_krw <= budget_krw"));
    }
}

internal sealed class VoucherReservationConfiguration : IEntityTypeConfiguration<VoucherReservation>
{
    public void Configure(EntityTypeBuilder<VoucherReservation> b)
    {
        b.ToTable("voucher_reservations");
        b.HasKey(x => new { x.ProgrammeId, x.AgreementId });
        b.Property(x => x.ProgrammeId).HasColumnName("programme_id");
        b.Property(x => x.AgreementId).HasColumnName("agreement_id");
        b.Property(x => x.BuyerOrganisationId).HasColumnName("buyer_organisation_id");
        b.Property(x => x.AmountKrw).HasColumnName("amount_krw").HasPrecision(18, 0);
        b.Property(x => x.ReservedAt).HasColumnName("reserved_at");
        b.HasIndex(x => x.AgreementId);
    }
}

internal sealed class AgreementRecordConfiguration : IEntityTypeConfiguration<AgreementRecord>
{
    public void Configure(EntityTypeBuilder<AgreementRecord> b)
    {
        b.ToTable("agreements");
        b.HasKey(x => x.AgreementId);
        b.Property(x => x.AgreementId).HasColumnName("agreement_id").ValueGeneratedNever();
        b.Property(x => x.ProcessStage).HasColumnName("process_stage").HasMaxLength(50);
        b.Property(x => x.DataType).HasColumnName("data_type").HasMaxLength(50);
        b.Property(x => x.PricePerReferenceUnit).HasColumnName("price_per_reference_unit").HasPrecision(18, 2);
        b.Property(x => x.AtFloor).HasColumnName("at_floor");
        b.Property(x => x.AtCeiling).HasColumnName("at_ceiling");
        b.Property(x => x.FinalizedAt).HasColumnName("finalized_at");
    }
}
