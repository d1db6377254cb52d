using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Catalog.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Catalog.Infrastructure.EntityConfigurations;

internal sealed class DatasetVersionConfiguration : IEntityTypeConfiguration<DatasetVersion>
{
    public void Configure(EntityTypeBuilder<DatasetVersion> b)
    {
        b.ToTable("dataset_versions");
        b.HasKey(v => new { v.DatasetId, v.Version });
        b.Property(v => v.Metadata).AsJson();
        b.Property(v => v.CreatedBy).HasMaxLength(100);
    }
}
