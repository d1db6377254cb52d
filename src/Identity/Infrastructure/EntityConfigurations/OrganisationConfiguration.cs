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
        b.Property(o => o.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(o => o.NameKo).HasColumnName("name_ko").HasMaxLength(200);
        b.Property(o => o.NameEn).HasColumnName("name_en").HasMaxLength(200);
        b.Property(o => o.BusinessRegistrationNumber).HasColumnName("business_registration_number").HasMaxLength(10);
        b.Property(o => o.ContactEmail).HasColumnName("contact_email").HasMaxLength(254);
        b.Property(o => o.IsSme).HasColumnName("is_sme");
        b.Property(o => o.IsProvider).HasColumnName("is_provider");
        b.Property(o => o.IsBuyer).HasColumnName("is_buyer");
        b.Property(o => o.IsPlatformAdmin).HasColumnName("is_platform_admin");
        b.Property(o => o.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.RegisteredAt).HasColumnName("registered_at");
        b.Property(o => o.ReviewedAt).HasColumnName("reviewed_at");
        b.HasIndex(o => o.BusinessRegistrationNumber).IsUnique();
    }
}
