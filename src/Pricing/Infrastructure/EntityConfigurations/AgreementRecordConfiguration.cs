using Marketplace.Pricing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Pricing.Infrastructure.EntityConfigurations;

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
