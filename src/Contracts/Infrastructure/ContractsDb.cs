using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure.EntityConfigurations;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Contracts.Infrastructure;

public sealed class ContractsDb(DbContextOptions<ContractsDb> options) : ModuleDbContext(options)
{
    public DbSet<DatasetCopy> DatasetCopies => Set<DatasetCopy>();

    public DbSet<BaselineCopy> Baselines => Set<BaselineCopy>();

    public DbSet<Negotiation> Negotiations => Set<Negotiation>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<AccessGrant> Grants => Set<AccessGrant>();

    public DbSet<StandardOffer> StandardOffers => Set<StandardOffer>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<DspCallback> DspCallbacks => Set<DspCallback>();

    /// <summary>The same renames as the PostgreSQL migrations, for embedded files (<see cref="SqliteUpgrade"/>).</summary>
    public override IReadOnlyList<SqliteUpgrade> SqliteUpgrades =>
    [
        // DatasetVocabulary: one word, "dataset", for what providers list.
        new SqliteUpgrade.RenameTable("datasets", "dataset_copies"),
        new SqliteUpgrade.RenameColumn("negotiations", "listing_version", "dataset_version"),
        new SqliteUpgrade.RenameColumn("agreements", "listing_version", "dataset_version"),
        new SqliteUpgrade.AddColumn("negotiations", "standard_offer_id", "TEXT NULL"),
        new SqliteUpgrade.AddColumn("negotiations", "dsp_participant_id", "TEXT NULL"),
        new SqliteUpgrade.AddColumn("negotiations", "dsp_consumer_pid", "TEXT NULL"),
        new SqliteUpgrade.AddColumn("negotiations", "dsp_callback_address", "TEXT NULL"),
        .. new[] { ("listing-withdrawn", "dataset-withdrawn"), ("listing-suspended", "dataset-suspended") }.SelectMany(r => new SqliteUpgrade[]
        {
            new SqliteUpgrade.Statement($"UPDATE negotiations SET termination_reason = '{r.Item2}' WHERE termination_reason = '{r.Item1}'"),
            new SqliteUpgrade.Statement($"UPDATE negotiations SET history = replace(history, '\"{r.Item1}\"', '\"{r.Item2}\"') WHERE history LIKE '%\"{r.Item1}\"%'"),
        }),
    ];

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new DatasetCopyConfiguration());
        modelBuilder.ApplyConfiguration(new BaselineCopyConfiguration());
        modelBuilder.ApplyConfiguration(new NegotiationConfiguration());
        modelBuilder.ApplyConfiguration(new AgreementConfiguration());
        modelBuilder.ApplyConfiguration(new AccessGrantConfiguration());
        modelBuilder.ApplyConfiguration(new SigningKeyConfiguration());
        modelBuilder.ApplyConfiguration(new StandardOfferConfiguration());
        modelBuilder.ApplyConfiguration(new DspCallbackConfiguration());
    }
}
