using Marketplace.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Identity.Infrastructure.EntityConfigurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("people");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(p => p.OrganisationId).HasColumnName("organisation_id");
        b.Property(p => p.Email).HasColumnName("email").HasMaxLength(254);
        b.Property(p => p.DisplayName).HasColumnName("display_name").HasMaxLength(100);
        b.Property(p => p.PasswordHash).HasColumnName("password_hash").HasMaxLength(200);
        b.Property(p => p.IsOrganisationAdmin).HasColumnName("is_organisation_admin");
        b.Property(p => p.CreatedAt).HasColumnName("created_at");
        b.Property(p => p.DisabledAt).HasColumnName("disabled_at");
        b.Property(p => p.FailedSignIns).HasColumnName("failed_sign_ins");
        b.Property(p => p.LockedUntil).HasColumnName("locked_until");
        b.HasIndex(p => p.Email).IsUnique();
        b.HasIndex(p => p.OrganisationId);
    }
}
