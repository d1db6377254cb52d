using Marketplace.Contracts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Contracts.Infrastructure.EntityConfigurations;

internal sealed class AccessGrantConfiguration : IEntityTypeConfiguration<AccessGrant>
{
    public void Configure(EntityTypeBuilder<AccessGrant> b)
    {
        b.ToTable("access_grants");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(x => x.AgreementId).HasColumnName("agreement_id");
        b.Property(x => x.IssuedAt).HasColumnName("issued_at");
        b.Property(x => x.NotBefore).HasColumnName("not_before");
        b.Property(x => x.ExpiresAt).HasColumnName("expires_at");
        b.HasIndex(x => x.AgreementId);
    }
}
