using Marketplace.Pricing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Pricing.Infrastructure.EntityConfigurations;

internal sealed class ListingCopyConfiguration : IEntityTypeConfiguration<ListingCopy>
{
    public void Configure(EntityTypeBuilder<ListingCopy> b)
    {
        b.ToTable("listings");
        b.HasKey(x => x.DatasetId);
        b.Property(x => x.DatasetId).HasColumnName("dataset_id").ValueGeneratedNever();
        b.Property(x => x.Version).HasColumnName("version");
        b.Property(x => x.ProviderOrganisationId).HasColumnName("provider_organisation_id");
        b.Property(x => x.ProcessStage).HasColumnName("process_stage").HasMaxLength(50);
        b.Property(x => x.DataType).HasColumnName("data_type").HasMaxLength(50);
        b.Property(x => x.RecordCount).HasColumnName("record_count");
        b.Property(x => x.CoverageFrom).HasColumnName("coverage_from");
        b.Property(x => x.CoverageTo).HasColumnName("coverage_to");
        b.Property(x => x.MetadataScore).HasColumnName("completeness_score");
        b.Property(x => x.Labelled).HasColumnName("labelled");
        b.Property(x => x.ExclusivityAvailable).HasColumnName("exclusivity_available");
        b.PrimitiveCollection(x => x.VisibleTo).HasColumnName("visible_to");
        b.Property(x => x.Listed).HasColumnName("listed");
        b.Property(x => x.SyncedAt).HasColumnName("synced_at");
        b.Ignore(x => x.PriceInputs);
    }
}
