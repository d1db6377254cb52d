using Marketplace.Pricing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Pricing.Infrastructure.EntityConfigurations;

internal sealed class DatasetCopyConfiguration : IEntityTypeConfiguration<DatasetCopy>
{
    public void Configure(EntityTypeBuilder<DatasetCopy> b)
    {
        b.ToTable("dataset_copies");
        b.HasKey(x => x.DatasetId);
        b.Property(x => x.DatasetId).ValueGeneratedNever();
        b.Property(x => x.ProcessStage).HasMaxLength(50);
        b.Property(x => x.DataType).HasMaxLength(50);
        b.Ignore(x => x.PriceInputs);
    }
}
