using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.BuildingBlocks.Persistence;

/// <summary>
/// Base of every module's DbContext: it owns the module's outbox and inbox tables, so an event
/// recorded with <see cref="AddEvent"/> commits or rolls back together with the state change.
/// </summary>
public abstract class ModuleDbContext : DbContext
{
    protected ModuleDbContext(DbContextOptions options)
        : base(options)
    {
        // A SaveChanges inside one of our transactions (inbox consumers, the outbox dispatcher) fails the whole
        // transaction, which is then rolled back: a savepoint before each would be two statements for nothing.
        Database.AutoSavepointsEnabled = false;
    }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Organisations whose tokens this module refuses (<see cref="Security.BarredOrganisations"/>).</summary>
    public DbSet<Security.BarredOrganisation> BarredOrganisations => Set<Security.BarredOrganisation>();

    /// <summary>Organisations' names, so responses name parties (<see cref="Organisations.KeepOrganisationNamesConsumer{TDb}"/>).</summary>
    public DbSet<Organisations.OrganisationName> OrganisationNames => Set<Organisations.OrganisationName>();

    /// <summary>Renames an embedded file made by an earlier version needs (<see cref="SqliteUpgrade"/>), oldest first.</summary>
    public virtual IReadOnlyList<SqliteUpgrade> SqliteUpgrades => [];

    /// <summary>Queues an integration event; it is written by the next <c>SaveChanges</c>.</summary>
    public void AddEvent(IIntegrationEvent integrationEvent) =>
        OutboxMessages.Add(OutboxMessage.From(integrationEvent, DateTime.UtcNow));

    /// <summary>
    /// Columns are named in snake case (<see cref="SnakeCaseColumns"/>). Every timestamp is UTC. SQLite stores no kind, so values read back are marked UTC again;
    /// PostgreSQL maps them to <c>timestamptz</c>.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Conventions.Add(_ => new SnakeCaseColumns());
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new Security.BarredOrganisationConfiguration());
        modelBuilder.ApplyConfiguration(new Organisations.OrganisationNameConfiguration());
    }
}
