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
        b.Property(v => v.DatasetId).HasColumnName("dataset_id");
        b.Property(v => v.Version).HasColumnName("version");
        b.Property(v => v.Metadata).HasColumnName("metadata").AsJson();
        b.Property(v => v.MetadataScore).HasColumnName("completeness_score");
        b.Property(v => v.CreatedBy).HasColumnName("created_by").HasMaxLength(100);
        b.Property(v => v.CreatedAt).HasColumnName("created_at");
    }
}
