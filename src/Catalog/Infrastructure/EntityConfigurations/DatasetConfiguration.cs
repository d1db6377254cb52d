using Marketplace.Catalog.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Catalog.Infrastructure.EntityConfigurations;

internal sealed class DatasetConfiguration : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> b)
    {
        b.ToTable("datasets");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(d => d.ProviderOrganisationId).HasColumnName("provider_organisation_id");
        b.Property(d => d.TitleKo).HasColumnName("title_ko").HasMaxLength(DatasetLimits.TitleLength);
        b.Property(d => d.TitleEn).HasColumnName("title_en").HasMaxLength(DatasetLimits.TitleLength);
        b.Property(d => d.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        // Two concurrent publishes of one draft: the second fails instead of emitting a duplicate version.
        b.Property(d => d.Version).HasColumnName("version").IsConcurrencyToken();
        b.Property(d => d.CreatedAt).HasColumnName("created_at");
        b.Property(d => d.PublishedAt).HasColumnName("published_at");
        b.HasIndex(d => d.ProviderOrganisationId);
    }
}
