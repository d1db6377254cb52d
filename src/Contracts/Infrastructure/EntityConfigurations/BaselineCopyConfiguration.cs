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
        b.Property(x => x.ProcessStage).HasMaxLength(40);
        b.Property(x => x.DataType).HasMaxLength(40);
        b.Property(x => x.BasePrice).HasPrecision(18, 0);
        b.Property(x => x.Factors).AsJson();
    }
}
