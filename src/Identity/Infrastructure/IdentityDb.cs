using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Identity.Domain;
using Marketplace.Identity.Infrastructure.EntityConfigurations;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Infrastructure;

/// <summary>Organisations, their API clients, and OpenIddict's applications, authorizations and tokens.</summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : ModuleDbContext(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict();
        modelBuilder.ApplyConfiguration(new OrganisationConfiguration());
        modelBuilder.ApplyConfiguration(new ApiClientConfiguration());
    }
}
