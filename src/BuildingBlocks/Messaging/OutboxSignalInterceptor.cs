using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Marketplace.BuildingBlocks.Messaging;

/// <summary>
/// Signals the dispatcher once outbox rows are durable: after <c>SaveChanges</c> when it ran in its own
/// transaction, or after the explicit transaction that wrote them commits. Events are never published
/// before commit, and commits that wrote no event (the dispatcher's own, say) wake nobody.
/// </summary>
public sealed class OutboxSignalInterceptor<TDb>(OutboxSignal<TDb> signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // Contexts (saving in EF's own transaction) or explicit transactions that hold uncommitted outbox rows.
    private readonly ConditionalWeakTable<object, object> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfRemembered(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        NotifyIfRemembered(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => NotifyIfPending(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        NotifyIfPending(transaction);
        return Task.CompletedTask;
    }

    private void Remember(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            object key = context.Database.CurrentTransaction?.GetDbTransaction() ?? (object)context;
            _pending.AddOrUpdate(key, key);
        }
    }

    private void NotifyIfRemembered(DbContext? context)
    {
        // Inside an explicit transaction the rows are not visible yet; the commit will notify.
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            NotifyIfPending(context);
        }
    }

    private void NotifyIfPending(object key)
    {
        if (_pending.Remove(key))
        {
            signal.Notify();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
