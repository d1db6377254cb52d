using Marketplace.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Identity.Infrastructure.EntityConfigurations;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> b)
    {
        b.ToTable("api_clients");
        b.HasKey(c => c.ClientId);
        b.Property(c => c.ClientId).HasColumnName("client_id").HasMaxLength(100);
        b.Property(c => c.OrganisationId).HasColumnName("organisation_id");
        b.Property(c => c.Name).HasColumnName("name").HasMaxLength(100);
        b.Property(c => c.IsOrganisationAdmin).HasColumnName("is_organisation_admin");
        b.Property(c => c.CreatedAt).HasColumnName("created_at");
        b.Property(c => c.RevokedAt).HasColumnName("revoked_at");
        b.HasIndex(c => c.OrganisationId);
    }
}
