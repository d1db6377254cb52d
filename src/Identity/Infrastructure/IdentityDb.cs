using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Identity.Domain;
using Marketplace.Identity.Infrastructure.EntityConfigurations;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Infrastructure;

/// <summary>Organisations, their people and API clients, invitations, and OpenIddict's applications, authorizations and tokens.</summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : ModuleDbContext(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    /// <summary>The columns added since the first version, for embedded files (<see cref="SqliteUpgrade"/>).</summary>
    public override IReadOnlyList<SqliteUpgrade> SqliteUpgrades => [new SqliteUpgrade.AddColumn("api_clients", "connector", "TEXT NULL")];

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict();
        modelBuilder.ApplyConfiguration(new OrganisationConfiguration());
        modelBuilder.ApplyConfiguration(new ApiClientConfiguration());
        modelBuilder.ApplyConfiguration(new PersonConfiguration());
        modelBuilder.ApplyConfiguration(new InvitationConfiguration());
    }
}
