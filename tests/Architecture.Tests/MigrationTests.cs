using Marketplace.Host;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Architecture.Tests;

[Trait("Speed", "Fast")]
public sealed class MigrationTests
{
    /// <summary>Each module's design-time factory: the same one <c>dotnet ef migrations add</c> uses.</summary>
    public static TheoryData<string> DesignTimeFactories() =>
    [
        .. Modules.All.SelectMany(m => m.GetType().Assembly.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(IsDesignTimeFactory))
            .Select(t => t.AssemblyQualifiedName!),
    ];

    [Fact]
    public void Every_module_with_a_database_has_a_design_time_factory() =>
        Assert.Equal(4, DesignTimeFactories().Count);

    [Theory]
    [MemberData(nameof(DesignTimeFactories))]
    public void PostgreSQL_migrations_cover_the_whole_model(string factoryType)
    {
        var factory = Activator.CreateInstance(Type.GetType(factoryType)!, nonPublic: true)!;
        var create = factory.GetType().GetMethod(nameof(IDesignTimeDbContextFactory<DbContext>.CreateDbContext))!;
        using var db = (DbContext)create.Invoke(factory, [Array.Empty<string>()])!;

        // Fails when an entity changed without `dotnet ef migrations add` (see docs/architecture.md).
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{db.GetType().Name} has model changes without a migration");
    }

    private static bool IsDesignTimeFactory(Type i) =>
        i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>);
}
