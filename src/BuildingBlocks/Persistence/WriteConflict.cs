using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.BuildingBlocks.Persistence;

/// <summary>
/// A write that lost a race with another request: a row changed since it was read (the concurrency token),
/// a unique key another request took first, or a transaction the database could not serialise. The request
/// was valid; the state moved under it. The same answer on both stores: 409.
/// </summary>
public static class WriteConflict
{
    private const int SqliteConstraint = 19;
    private const int SqliteUniqueConstraint = 2067;
    private const int SqlitePrimaryKeyConstraint = 1555;
    private const int SqliteBusy = 5;

    public static bool Is(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: { } inner } => IsStoreConflict(inner),
        _ => IsStoreConflict(exception),
    };

    private static bool IsStoreConflict(Exception exception) => exception switch
    {
        SqliteException s => (s.SqliteErrorCode == SqliteConstraint && s.SqliteExtendedErrorCode is SqliteUniqueConstraint or SqlitePrimaryKeyConstraint)
            // Another connection wrote first and this transaction's snapshot can no longer become a writer.
            || s.SqliteErrorCode == SqliteBusy,
        PostgresException p => p.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        _ => false,
    };
}
