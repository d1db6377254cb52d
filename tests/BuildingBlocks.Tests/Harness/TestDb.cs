using Marketplace.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.BuildingBlocks.Tests.Harness;

/// <summary>A module database of the tests' own: one table that records each application of an event.</summary>
public sealed class TestDb(DbContextOptions<TestDb> options) : ModuleDbContext(options)
{
    public DbSet<Application> Applications => Set<Application>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Application>(b =>
        {
            b.ToTable("applications");
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedOnAdd();
        });
    }
}

public sealed class Application
{
    public long Id { get; set; }

    public Guid DatasetId { get; set; }

    public string? Title { get; set; }
}
