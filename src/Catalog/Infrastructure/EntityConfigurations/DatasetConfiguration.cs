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
        b.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(d => d.ProviderOrganisationId).HasColumnName("provider_organisation_id");
        b.Property(d => d.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Version).HasColumnName("version");
        // Two concurrent writes to one listing (publish, edit, suspend...): the second gets 409.
        b.Property(d => d.Revision).HasColumnName("revision").IsConcurrencyToken();
        b.Property(d => d.CreatedAt).HasColumnName("created_at");
        b.Property(d => d.PublishedAt).HasColumnName("published_at");
        b.Property(d => d.UpdatedAt).HasColumnName("updated_at");
        b.Property(d => d.SuspensionReason).HasColumnName("suspension_reason").HasMaxLength(DatasetLimits.TextLength);
        b.Property(d => d.Metadata).HasColumnName("metadata").AsJson();
        b.Property(d => d.TitleKo).HasColumnName("title_ko").HasMaxLength(DatasetLimits.TitleLength);
        b.Property(d => d.TitleEn).HasColumnName("title_en").HasMaxLength(DatasetLimits.TitleLength);
        b.Property(d => d.MetadataScore).HasColumnName("completeness_score");
        b.Property(d => d.RecordCount).HasColumnName("record_count");
        b.Property(d => d.CoverageFrom).HasColumnName("coverage_from");
        b.Property(d => d.CoverageTo).HasColumnName("coverage_to");
        b.Property(d => d.IsRestricted).HasColumnName("is_restricted");
        b.Property(d => d.SearchTerms).HasColumnName("search_terms");
        b.Property(d => d.TitleTerms).HasColumnName("title_terms");
        b.Property(d => d.KeywordTerms).HasColumnName("keyword_terms");
        b.PrimitiveCollection(d => d.FacetValues).HasColumnName("facet_values");

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
