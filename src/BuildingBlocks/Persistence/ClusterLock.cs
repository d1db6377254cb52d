using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.BuildingBlocks.Persistence;

/// <summary>
/// Work that one process at a time does against a module's database, whatever the number of replicas: migrations
/// and demo seeding (the others wait, then find it done) and the periodic sweeps (the others skip their turn).
/// On PostgreSQL a session advisory lock, held on a connection of its own in the maintenance database (the module's
/// database may not exist yet); on SQLite nothing, since one process owns the file.
/// </summary>
public sealed class ClusterLock : IAsyncDisposable
{
    private readonly NpgsqlConnection? _connection;
    private readonly long _key;

    private ClusterLock(NpgsqlConnection? connection, long key) => (_connection, _key) = (connection, key);

    /// <summary>Waits until this process holds <paramref name="purpose"/> for the module's database.</summary>
    public static async Task<ClusterLock> AcquireAsync(DbContext db, string purpose, CancellationToken ct) =>
        await LockAsync(db, purpose, wait: true, ct) ?? throw new InvalidOperationException("A waiting advisory lock always ends acquired.");

    /// <summary>Takes <paramref name="purpose"/> if no other process holds it; null if one does.</summary>
    public static Task<ClusterLock?> TryAcquireAsync(DbContext db, string purpose, CancellationToken ct) => LockAsync(db, purpose, wait: false, ct);

    private static async Task<ClusterLock?> LockAsync(DbContext db, string purpose, bool wait, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return new ClusterLock(null, 0);
        }

        var target = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
        var key = Key(purpose, target.Database!);
        var connection = new NpgsqlConnection(maintenance.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(wait ? "SELECT pg_advisory_lock(@key)" : "SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            if (wait)
            {
                await command.ExecuteNonQueryAsync(ct);
            }
            else if (await command.ExecuteScalarAsync(ct) is not true)
            {
                await connection.DisposeAsync();
                return null;
            }

            return new ClusterLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }

        // Closing the session releases the lock too; unlocking first says so explicitly.
        try
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            release.Parameters.AddWithValue("key", _key);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }

    /// <summary>
    /// A 64-bit FNV-1a hash of <c>marketplace-{purpose}:{database}</c>. The migrations' key, <c>marketplace-migrations:…</c>,
    /// is the one earlier versions took, so an old and a new replica rolling together still migrate one at a time.
    /// </summary>
    private static long Key(string purpose, string database)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in $"marketplace-{purpose}:{database}")
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }
}
