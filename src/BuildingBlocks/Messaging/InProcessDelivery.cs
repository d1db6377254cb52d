using System.Collections.Concurrent;

namespace Marketplace.BuildingBlocks.Messaging;

/// <summary>
/// What a publish confirm is to RabbitMQ, for the in-memory bus: the in-memory transport accepts a message
/// before any consumer has run, so an outbox row marked sent at that moment would be lost by a crash in the
/// next instant. In all-in-one mode the dispatcher therefore waits here until every consumer of the event has
/// committed it in its inbox (<see cref="Acknowledge"/>) before the row counts as sent; a crash before that
/// publishes the row again after the restart, and the inboxes drop the copies.
/// </summary>
public sealed class InProcessDelivery(IEnumerable<ConsumerBinding> bindings)
{
    private readonly ILookup<Type, Type> _consumers = bindings.ToLookup(b => b.MessageType, b => b.Consumer);
    private readonly ConcurrentDictionary<Guid, Pending> _pending = new();

    /// <summary>Completes once every consumer of <paramref name="messageType"/> in this process has committed the message.</summary>
    public Task ExpectAsync(Guid messageId, Type messageType)
    {
        var consumers = _consumers[messageType].ToHashSet();
        if (consumers.Count == 0)
        {
            return Task.CompletedTask;
        }

        return _pending.GetOrAdd(messageId, _ => new Pending(consumers)).Completion.Task;
    }

    /// <summary>Called by <see cref="InboxConsumer{TMessage,TDb}"/> once the message is in its inbox (now, or earlier).</summary>
    public void Acknowledge(Guid messageId, Type consumer)
    {
        if (_pending.TryGetValue(messageId, out var pending) && pending.Acknowledge(consumer))
        {
            _pending.TryRemove(messageId, out _);
        }
    }

    /// <summary>Stops waiting for a message whose publish timed out; a later publish expects it again.</summary>
    public void Forget(Guid messageId) => _pending.TryRemove(messageId, out _);

    private sealed class Pending(HashSet<Type> consumers)
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Acknowledge(Type consumer)
        {
            lock (consumers)
            {
                if (!consumers.Remove(consumer) || consumers.Count > 0)
                {
                    return false;
                }
            }

            Completion.TrySetResult();
            return true;
        }
    }
}
