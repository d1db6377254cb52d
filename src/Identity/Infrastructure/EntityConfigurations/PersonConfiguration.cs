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
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Email).HasMaxLength(254);
        b.Property(p => p.DisplayName).HasMaxLength(100);
        b.Property(p => p.PasswordHash).HasMaxLength(200);
        b.HasIndex(p => p.Email).IsUnique();
        b.HasIndex(p => p.OrganisationId);
    }
}
