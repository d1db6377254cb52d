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
        b.Property(x => x.AgreementId).ValueGeneratedNever();
        b.Property(x => x.ProcessStage).HasMaxLength(50);
        b.Property(x => x.DataType).HasMaxLength(50);
        b.Property(x => x.PricePerReferenceUnit).HasPrecision(18, 2);
    }
}
