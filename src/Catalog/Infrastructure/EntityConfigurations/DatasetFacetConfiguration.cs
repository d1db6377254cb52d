using Marketplace.Catalog.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Catalog.Infrastructure.EntityConfigurations;

internal sealed class DatasetFacetConfiguration : IEntityTypeConfiguration<DatasetFacet>
{
    public void Configure(EntityTypeBuilder<DatasetFacet> b)
    {
        b.ToTable("dataset_facets");
        b.HasKey(f => new { f.DatasetId, f.Facet, f.Value });
        b.Property(f => f.DatasetId).HasColumnName("dataset_id");
        b.Property(f => f.Facet).HasColumnName("facet").HasMaxLength(30);
        b.Property(f => f.Value).HasColumnName("value").HasMaxLength(100);
        // Filters look listings up by value.
        b.HasIndex(f => new { f.Facet, f.Value, f.DatasetId });
    }
}
