using System.Threading.Channels;

namespace Marketplace.BuildingBlocks.Messaging;

/// <summary>Wakes a module's outbox dispatcher right after a commit that wrote events.</summary>
public sealed class OutboxSignal<TDb>
{
    // One pending wake-up is enough: the dispatcher reads every unsent row when it runs.
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Waits for a signal or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Timed out: the dispatcher polls anyway.
        }
    }
}
