using Marketplace.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Identity.Infrastructure.EntityConfigurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("invitations");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.Email).HasMaxLength(254);
        b.Property(i => i.CodeHash).HasMaxLength(64);
        b.Property(i => i.InvitedBy).HasMaxLength(100);
        b.HasIndex(i => i.CodeHash).IsUnique();
        b.HasIndex(i => i.OrganisationId);
    }
}
