using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Contracts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Contracts.Infrastructure.EntityConfigurations;

internal sealed class DatasetCopyConfiguration : IEntityTypeConfiguration<DatasetCopy>
{
    public void Configure(EntityTypeBuilder<DatasetCopy> b)
    {
        b.ToTable("datasets");
        b.HasKey(d => d.DatasetId);
        b.Property(d => d.DatasetId).HasColumnName("dataset_id").ValueGeneratedNever();
        b.Property(d => d.Version).HasColumnName("version");
        b.Property(d => d.ProviderOrganisationId).HasColumnName("provider_organisation_id");
        b.Property(d => d.TitleKo).HasColumnName("title_ko").HasMaxLength(200);
        b.Property(d => d.TitleEn).HasColumnName("title_en").HasMaxLength(200);
        b.Property(d => d.Facts).HasColumnName("facts").AsJson();
        b.Property(d => d.Listed).HasColumnName("listed");
        b.Ignore(d => d.PriceInputs);
        b.Ignore(d => d.DataType);
        b.Property(d => d.PublishedAt).HasColumnName("published_at");
        b.Property(d => d.SyncedAt).HasColumnName("synced_at");
    }
}
