using Marketplace.BuildingBlocks.Persistence;
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
