using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.BuildingBlocks.Security;

internal sealed class BarredOrganisationConfiguration : IEntityTypeConfiguration<BarredOrganisation>
{
    public void Configure(EntityTypeBuilder<BarredOrganisation> b)
    {
        b.ToTable("barred_organisations");
        b.HasKey(o => o.OrganisationId);
        b.Property(o => o.Status).HasMaxLength(20);
    }
}
