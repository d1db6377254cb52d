using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.BuildingBlocks.Security;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.BuildingBlocks.Persistence;

public static class PersistenceExtensions
{
    /// <summary>
    /// Registers a module's DbContext (pooled) on the configured provider, its schema initialisation at start-up,
    /// its readiness check and its outbox dispatcher.
    /// </summary>
    public static WebApplicationBuilder AddModuleDbContext<TDb>(this WebApplicationBuilder builder, string module)
        where TDb : ModuleDbContext
    {
        var options = builder.Configuration.GetMarketplaceOptions();
        var provider = options.Database.Provider;
        var connectionString = ConnectionString(builder.Configuration, options, module);

        builder.Services.AddSingleton<SqliteGate<TDb>>();
        builder.Services.AddSingleton<OutboxSignal<TDb>>();
        builder.Services.AddSingleton<OutboxSignalInterceptor<TDb>>();
        // Pooled: a request takes a context that is reset, not built (its services resolved) anew.
        builder.Services.AddDbContextPool<TDb>((sp, db) =>
        {
            _ = provider switch
            {
                DatabaseProvider.Postgres => db.UseNpgsql(connectionString),
                DatabaseProvider.Sqlite => db.UseSqlite(connectionString).AddInterceptors(sp.GetRequiredService<SqliteGate<TDb>>()),
                _ => throw new InvalidOperationException($"Unknown database provider '{provider}'."),
            };
            db.AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor<TDb>>());
        });

        // Registered before the dispatcher so the schema exists before anything reads it.
        builder.Services.AddHostedService(sp => new DatabaseInitializer<TDb>(sp, provider));
        builder.Services.AddHostedService<BarredOrganisationsLoader<TDb>>();
        builder.Services.AddHostedService<OutboxDispatcher<TDb>>();
        builder.Services.AddHealthChecks().AddDbContextCheck<TDb>($"{module}-database", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }

    public static string ConnectionString(IConfiguration configuration, MarketplaceOptions options, string module) =>
        options.Database.Provider == DatabaseProvider.Postgres
            ? PostgresConnectionString(configuration, options, module)
            : configuration.GetConnectionString(module) is { } configured && !string.IsNullOrWhiteSpace(configured)
                ? configured
                : $"Data Source={Path.Combine(Path.GetFullPath(options.DataFolder), $"{module}.db")}";

    /// <summary>
    /// The PostgreSQL database of a module (or of the console's sessions): <c>ConnectionStrings:{name}</c>, else
    /// <c>marketplace_{name}</c> on the server of <c>Marketplace:Database:Postgres</c>. Connections go back to the pool
    /// without <c>DISCARD ALL</c> (<c>No Reset On Close</c>): EF Core opens and closes one for each query and each
    /// <c>SaveChanges</c>, and the reset was a statement more each time; nothing here leaves session state behind
    /// (the cluster lock's connection is not pooled).
    /// </summary>
    public static string PostgresConnectionString(IConfiguration configuration, MarketplaceOptions options, string name)
    {
        var builder = configuration.GetConnectionString(name) is { } configured && !string.IsNullOrWhiteSpace(configured)
            ? new NpgsqlConnectionStringBuilder(configured)
            : new NpgsqlConnectionStringBuilder(options.Database.Postgres) { Database = $"marketplace_{name}" };
        builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }
}
