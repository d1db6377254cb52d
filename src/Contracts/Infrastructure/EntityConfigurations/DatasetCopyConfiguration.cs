using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Contracts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Contracts.Infrastructure.EntityConfigurations;

internal sealed class DatasetCopyConfiguration : IEntityTypeConfiguration<DatasetCopy>
{
    public void Configure(EntityTypeBuilder<DatasetCopy> b)
    {
        b.ToTable("dataset_copies");
        b.HasKey(d => d.DatasetId);
        b.Property(d => d.DatasetId).ValueGeneratedNever();
        b.Property(d => d.TitleKo).HasMaxLength(200);
        b.Property(d => d.TitleEn).HasMaxLength(200);
        b.Property(d => d.Facts).AsJson();
        b.Ignore(d => d.PriceInputs);
        b.Ignore(d => d.DataType);
    }
}
