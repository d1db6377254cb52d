using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Catalog.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Catalog.Infrastructure.EntityConfigurations;

internal sealed class DatasetConfiguration(bool postgres) : IEntityTypeConfiguration<Dataset>
{
    /// <summary>PostgreSQL only: the shadow property of the stored tsvector column.</summary>
    public const string SearchVector = "SearchVector";

    public void Configure(EntityTypeBuilder<Dataset> b)
    {
        b.ToTable("datasets");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        // Two concurrent writes to one dataset (publish, edit, suspend...): the second gets 409.
        b.Property(d => d.Revision).IsConcurrencyToken();
        b.Property(d => d.SuspensionReason).HasMaxLength(DatasetLimits.TextLength);
        b.Property(d => d.Metadata).AsJson();
        b.Property(d => d.TitleKo).HasMaxLength(DatasetLimits.TitleLength);
        b.Property(d => d.TitleEn).HasMaxLength(DatasetLimits.TitleLength);

        b.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DatasetId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.Access).WithOne().HasForeignKey(a => a.DatasetId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(d => d.Access).UsePropertyAccessMode(PropertyAccessMode.Field);

        b.HasIndex(d => d.ProviderOrganisationId);
        // Keyset pages of the public sorts.
        b.HasIndex(d => new { d.Status, d.PublishedAt, d.Id });
        b.HasIndex(d => new { d.Status, d.MetadataScore, d.Id });
        if (postgres)
        {
            // Full text: the bigram tokens as a stored tsvector with a GIN index (SQLite compares the same
            // tokens directly). Stored, so the recheck of index hits reads it instead of re-parsing the text.
            b.Property<NpgsqlTypes.NpgsqlTsVector>(SearchVector).HasColumnName("search_vector")
                .HasComputedColumnSql("to_tsvector('simple', search_terms)", stored: true);
            b.HasIndex(SearchVector).HasMethod("GIN");
            b.HasIndex(d => d.FacetValues).HasMethod("GIN");
        }
    }
}
