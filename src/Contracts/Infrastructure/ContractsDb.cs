using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure.EntityConfigurations;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Contracts.Infrastructure;

public sealed class ContractsDb(DbContextOptions<ContractsDb> options) : ModuleDbContext(options)
{
    public DbSet<DatasetCopy> Datasets => Set<DatasetCopy>();

    public DbSet<BaselineCopy> Baselines => Set<BaselineCopy>();

    public DbSet<Negotiation> Negotiations => Set<Negotiation>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<AccessGrant> Grants => Set<AccessGrant>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new DatasetCopyConfiguration());
        modelBuilder.ApplyConfiguration(new BaselineCopyConfiguration());
        modelBuilder.ApplyConfiguration(new NegotiationConfiguration());
        modelBuilder.ApplyConfiguration(new AgreementConfiguration());
        modelBuilder.ApplyConfiguration(new AccessGrantConfiguration());
        modelBuilder.ApplyConfiguration(new SigningKeyConfiguration());
    }
}
