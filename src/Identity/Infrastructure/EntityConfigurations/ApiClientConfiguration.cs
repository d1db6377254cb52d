using Marketplace.BuildingBlocks.Persistence;
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
        b.Property(c => c.ClientId).HasMaxLength(100);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.Connector).AsJson();
        b.HasIndex(c => c.OrganisationId);
    }
}
