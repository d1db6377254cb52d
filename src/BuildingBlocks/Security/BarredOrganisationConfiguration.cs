using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.BuildingBlocks.Security;

internal sealed class BarredOrganisationConfiguration : IEntityTypeConfiguration<BarredOrganisation>
{
    public void Configure(EntityTypeBuilder<BarredOrganisation> b)
    {
        b.ToTable("barred_organisations");
        b.HasKey(o => o.OrganisationId);
        b.Property(o => o.OrganisationId).HasColumnName("organisation_id");
        b.Property(o => o.Status).HasColumnName("status").HasMaxLength(20);
        b.Property(o => o.Since).HasColumnName("since");
    }
}
