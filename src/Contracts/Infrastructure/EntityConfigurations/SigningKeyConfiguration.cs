using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Contracts.Infrastructure.EntityConfigurations;

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> b)
    {
        b.ToTable("signing_keys");
        b.HasKey(x => x.KeyId);
        b.Property(x => x.KeyId).HasColumnName("key_id").HasMaxLength(64);
        b.Property(x => x.PrivateKey).HasColumnName("private_key");
        b.Property(x => x.CreatedAt).HasColumnName("created_at");
    }
}
