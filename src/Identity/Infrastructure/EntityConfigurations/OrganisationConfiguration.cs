using Marketplace.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Identity.Infrastructure.EntityConfigurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("organisations");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.NameKo).HasMaxLength(200);
        b.Property(o => o.NameEn).HasMaxLength(200);
        b.Property(o => o.BusinessRegistrationNumber).HasMaxLength(10);
        b.Property(o => o.ContactEmail).HasMaxLength(254);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(o => o.BusinessRegistrationNumber).IsUnique();
    }
}
