using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.BuildingBlocks.Organisations;

internal sealed class OrganisationNameConfiguration : IEntityTypeConfiguration<OrganisationName>
{
    public void Configure(EntityTypeBuilder<OrganisationName> b)
    {
        b.ToTable("organisation_names");
        b.HasKey(o => o.OrganisationId);
        b.Property(o => o.OrganisationId).ValueGeneratedNever();
        b.Property(o => o.NameKo).HasMaxLength(200);
        b.Property(o => o.NameEn).HasMaxLength(200);
    }
}
