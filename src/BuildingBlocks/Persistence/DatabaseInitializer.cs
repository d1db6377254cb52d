using Marketplace.BuildingBlocks.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.BuildingBlocks.Persistence;

/// <summary>
/// Brings a module's schema up to date before the process serves traffic: PostgreSQL through EF
/// migrations under an advisory lock (two replicas starting together migrate once), SQLite by
/// creating the file on first run and, for a file made by an earlier version, applying the module's renames
/// (<see cref="SqliteUpgrade"/>) and adding missing tables.
/// </summary>
public sealed class DatabaseInitializer<TDb>(IServiceProvider services, DatabaseProvider provider)
    : IHostedService where TDb : ModuleDbContext
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<DatabaseInitializer<TDb>>>();

        if (provider == DatabaseProvider.Postgres)
        {
            await MigratePostgresAsync(db, ct);
        }
        else
        {
            await CreateSqliteAsync(db, ct);
        }

        logger.LogInformation("Database for {Context} is ready ({Provider})", typeof(TDb).Name, provider);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private static async Task MigratePostgresAsync(TDb db, CancellationToken ct)
    {
        // Held in the maintenance database, because the module's may not exist yet: without it, two replicas
        // could both try CREATE DATABASE.
        await using var alone = await ClusterLock.AcquireAsync(db, "migrations", ct);
        await db.Database.MigrateAsync(ct);
    }

    private static async Task CreateSqliteAsync(TDb db, CancellationToken ct)
    {
        // The files hold the organisations' data and Contracts' signing keys: 700 folder, 600 files.
        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        PrivateFolder.Ensure(Path.GetDirectoryName(file)!);
        PrivateFolder.EnsureFile(file);

        if (!await db.Database.EnsureCreatedAsync(ct))
        {
            await UpgradeSqliteAsync(db, ct);
            await AddMissingTablesAsync(db, ct);
        }

        // WAL lets the API read while the outbox dispatcher writes.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>Applies the module's renames and added columns (<see cref="SqliteUpgrade"/>) that a file made by an earlier version still lacks.</summary>
    private static async Task UpgradeSqliteAsync(TDb db, CancellationToken ct)
    {
        foreach (var upgrade in db.SqliteUpgrades)
        {
            var sql = upgrade switch
            {
                SqliteUpgrade.RenameTable t when await HasTableAsync(db, t.From, ct) && !await HasTableAsync(db, t.To, ct) =>
                    $"ALTER TABLE \"{t.From}\" RENAME TO \"{t.To}\"",
                SqliteUpgrade.RenameColumn c when await HasColumnAsync(db, c.Table, c.From, ct) && !await HasColumnAsync(db, c.Table, c.To, ct) =>
                    $"ALTER TABLE \"{c.Table}\" RENAME COLUMN \"{c.From}\" TO \"{c.To}\"",
                SqliteUpgrade.AddColumn c when await HasTableAsync(db, c.Table, ct) && !await HasColumnAsync(db, c.Table, c.Column, ct) =>
                    $"ALTER TABLE \"{c.Table}\" ADD COLUMN \"{c.Column}\" {c.Definition}",
                SqliteUpgrade.Statement s => s.Sql,
                _ => null,
            };
            if (sql is not null)
            {
                await db.Database.ExecuteSqlRawAsync(sql, ct);
            }
        }
    }

    private static async Task<bool> HasTableAsync(TDb db, string table, CancellationToken ct) =>
        await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {table}").SingleAsync(ct) > 0;

    private static async Task<bool> HasColumnAsync(TDb db, string table, string column, CancellationToken ct) =>
        await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM pragma_table_info({table}) WHERE name = {column}").SingleAsync(ct) > 0;

    /// <summary>
    /// A file made by an earlier version lacks the tables added since (SQLite has no migrations here): they are created,
    /// and nothing already stored is touched. A new column in an existing table is a <see cref="SqliteUpgrade.AddColumn"/>.
    /// </summary>
    private static async Task AddMissingTablesAsync(TDb db, CancellationToken ct)
    {
        var script = db.Database.GenerateCreateScript()
            .Replace("CREATE TABLE \"", "CREATE TABLE IF NOT EXISTS \"", StringComparison.Ordinal)
            .Replace("CREATE UNIQUE INDEX \"", "CREATE UNIQUE INDEX IF NOT EXISTS \"", StringComparison.Ordinal)
            .Replace("CREATE INDEX \"", "CREATE INDEX IF NOT EXISTS \"", StringComparison.Ordinal);
        foreach (var statement in script.Split(";", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await db.Database.ExecuteSqlRawAsync(statement, ct);
        }
    }
}
