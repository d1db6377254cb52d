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
        b.Property(i => i.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(i => i.OrganisationId).HasColumnName("organisation_id");
        b.Property(i => i.Email).HasColumnName("email").HasMaxLength(254);
        b.Property(i => i.IsOrganisationAdmin).HasColumnName("is_organisation_admin");
        b.Property(i => i.CodeHash).HasColumnName("code_hash").HasMaxLength(64);
        b.Property(i => i.InvitedBy).HasColumnName("invited_by").HasMaxLength(100);
        b.Property(i => i.CreatedAt).HasColumnName("created_at");
        b.Property(i => i.ExpiresAt).HasColumnName("expires_at");
        b.Property(i => i.AcceptedAt).HasColumnName("accepted_at");
        b.HasIndex(i => i.CodeHash).IsUnique();
        b.HasIndex(i => i.OrganisationId);
    }
}
