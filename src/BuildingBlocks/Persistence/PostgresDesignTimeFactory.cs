using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.BuildingBlocks.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a module's DbContext for PostgreSQL without starting the
/// host. Migrations are generated for PostgreSQL only; SQLite databases are created from the model.
/// </summary>
public abstract class PostgresDesignTimeFactory<TDb> : IDesignTimeDbContextFactory<TDb> where TDb : ModuleDbContext
{
    public TDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TDb>()
            .UseNpgsql("Host=127.0.0.1;Database=design_time;Username=postgres")
            .Options;
        return (TDb)Activator.CreateInstance(typeof(TDb), options)!;
    }
}
