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
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ProcessStage).HasMaxLength(50);
        b.Property(x => x.DataType).HasMaxLength(50);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.BasePrice).HasPrecision(18, 2);
        b.Property(x => x.Factors).AsJson();
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Property(x => x.PublishedBy).HasMaxLength(100);
        b.Ignore(x => x.IsDefault);
        b.HasIndex(x => new { x.ProcessStage, x.DataType, x.Status, x.EffectiveFrom });
        // Two administrators publishing the same category at once cannot both get one version number.
        b.HasIndex(x => new { x.ProcessStage, x.DataType, x.Version }).IsUnique().HasFilter("version > 0");
    }
}
