using Marketplace.Catalog.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Catalog.Infrastructure.EntityConfigurations;

internal sealed class DatasetAccessConfiguration : IEntityTypeConfiguration<DatasetAccess>
{
    public void Configure(EntityTypeBuilder<DatasetAccess> b)
    {
        b.ToTable("dataset_access");
        b.HasKey(a => new { a.DatasetId, a.OrganisationId });
        b.HasIndex(a => a.OrganisationId);
    }
}
