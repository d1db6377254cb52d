using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Marketplace.BuildingBlocks.Persistence;

/// <summary>
/// On SQLite, one open connection at a time to a module's file in this process: the others queue here. SQLite lets
/// one writer in at a time, and a writer that finds the file locked is answered by Microsoft.Data.Sqlite with a 150 ms
/// sleep before it tries again (SQLite's own busy wait, <c>PRAGMA busy_timeout</c>, sleeps whole seconds in this
/// build: measured, p95 of 11 s). With a handful of requests in flight those sleeps were the all-in-one mode's p99
/// while its median was a few milliseconds (docs/benchmarks.md, issue 16); a queue without sleeps replaces them.
/// Reads queue too: EF Core holds a connection only for a query, a <c>SaveChanges</c> or an explicit transaction.
/// A wait longer than <see cref="Patience"/> (a connection opened while another of the same module's is held in the
/// same flow) goes ahead as before, with a warning, so no path can deadlock on the gate.
/// </summary>
public sealed class SqliteGate<TDb>(ILogger<SqliteGate<TDb>> logger) : DbConnectionInterceptor, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);

    // The connections that passed the gate (one at a time, unless one went ahead past it): only they release it.
    private readonly HashSet<DbConnection> _holders = [];

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Entered(connection, _gate.Wait(Patience));
        return result;
    }

    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Entered(connection, await _gate.WaitAsync(Patience, cancellationToken));
        return result;
    }

    public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Left(connection);

    public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Left(connection);
        return Task.CompletedTask;
    }

    // A connection EF Core disposes without closing it through itself (the database creator's) leaves here.
    public override void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Left(connection);

    public override Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Left(connection);
        return Task.CompletedTask;
    }

    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Left(connection);

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Left(connection);
        return Task.CompletedTask;
    }

    public void Dispose() => _gate.Dispose();

    private void Entered(DbConnection connection, bool passed)
    {
        if (!passed)
        {
            logger.LogWarning("A {Context} connection waited {Patience} for another one of this process and goes ahead without it", typeof(TDb).Name, Patience);
            return;
        }

        lock (_holders)
        {
            _holders.Add(connection);
        }
    }

    private void Left(DbConnection connection)
    {
        bool held;
        lock (_holders)
        {
            held = _holders.Remove(connection);
        }

        if (held)
        {
            _gate.Release();
        }
    }
}
