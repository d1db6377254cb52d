using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Marketplace.Web.Session;

/// <summary>
/// The console's sessions in PostgreSQL (<c>Marketplace:Web:SessionStore = Postgres</c>), so that replicas of the
/// console share them and a restart signs no one out: one table, <c>console_sessions</c>, in the console's own database
/// (<c>ConnectionStrings:web</c>, else <c>marketplace_web</c> on <c>Marketplace:Database:Postgres</c>). It holds
/// sessions only; everything else the console shows comes from the public API. Expired rows are deleted as new ones
/// are written. The database and table are created at start-up when missing (replicas may race: the loser finds them).
/// </summary>
public sealed class PostgresSessionCache(string connectionString, TimeProvider clock) : IDistributedCache, IHostedService
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    public async Task StartAsync(CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        await using (var maintenance = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await maintenance.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", maintenance);
            exists.Parameters.AddWithValue("name", target.Database!);
            if ((long)(await exists.ExecuteScalarAsync(ct))! == 0)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", maintenance);
                try
                {
                    await create.ExecuteNonQueryAsync(ct);
                }
                catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
                {
                    // Another replica created it meanwhile.
                }
            }
        }

        await using var connection = await OpenAsync(ct);
        await using var table = new NpgsqlCommand("""
            CREATE TABLE IF NOT EXISTS console_sessions (key text PRIMARY KEY, value bytea NOT NULL, expires_at timestamptz NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_console_sessions_expires_at ON console_sessions (expires_at);
            """, connection);
        try
        {
            await table.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.UniqueViolation)
        {
            // Another replica created it meanwhile.
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        await using var connection = await OpenAsync(token);
        await using var read = new NpgsqlCommand("SELECT value FROM console_sessions WHERE key = @key AND expires_at > @now", connection);
        read.Parameters.AddWithValue("key", key);
        read.Parameters.AddWithValue("now", clock.GetUtcNow());
        return await read.ExecuteScalarAsync(token) as byte[];
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        var now = clock.GetUtcNow();
        var expires = options.AbsoluteExpiration
            ?? now + (options.AbsoluteExpirationRelativeToNow ?? options.SlidingExpiration ?? DefaultLifetime);
        await using var connection = await OpenAsync(token);
        await using var write = new NpgsqlCommand("""
            INSERT INTO console_sessions (key, value, expires_at) VALUES (@key, @value, @expires)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at;
            DELETE FROM console_sessions WHERE expires_at <= @now;
            """, connection);
        write.Parameters.AddWithValue("key", key);
        write.Parameters.AddWithValue("value", value);
        write.Parameters.AddWithValue("expires", expires.ToUniversalTime());
        write.Parameters.AddWithValue("now", now);
        await write.ExecuteNonQueryAsync(token);
    }

    /// <summary>Sessions expire at a fixed time, renewed by the cookie handler's own sliding expiration (a new Set).</summary>
    public void Refresh(string key)
    {
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        await using var connection = await OpenAsync(token);
        await using var delete = new NpgsqlCommand("DELETE FROM console_sessions WHERE key = @key", connection);
        delete.Parameters.AddWithValue("key", key);
        await delete.ExecuteNonQueryAsync(token);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }
}
