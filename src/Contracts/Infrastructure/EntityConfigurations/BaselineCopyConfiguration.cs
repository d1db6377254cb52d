using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Contracts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Contracts.Infrastructure.EntityConfigurations;

internal sealed class BaselineCopyConfiguration : IEntityTypeConfiguration<BaselineCopy>
{
    public void Configure(EntityTypeBuilder<BaselineCopy> b)
    {
        b.ToTable("baselines");
        b.HasKey(x => new { x.BaselineId, x.Version });
        b.Property(x => x.BaselineId).HasColumnName("baseline_id");
        b.Property(x => x.Version).HasColumnName("version");
        b.Property(x => x.ProcessStage).HasColumnName("process_stage").HasMaxLength(40);
        b.Property(x => x.DataType).HasColumnName("data_type").HasMaxLength(40);
        b.Property(x => x.BasePrice).HasColumnName("base_price").HasPrecision(18, 0);
        b.Property(x => x.Factors).HasColumnName("factors").AsJson();
        b.Property(x => x.EffectiveFrom).HasColumnName("effective_from");
        b.Property(x => x.PublishedAt).HasColumnName("published_at");
    }
}
