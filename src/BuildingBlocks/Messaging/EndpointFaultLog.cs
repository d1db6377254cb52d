using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.BuildingBlocks.Messaging;

/// <summary>
/// Says why a consumer's queue is not receiving. MassTransit retries a receive endpoint that cannot connect, declare or
/// consume without a word above debug, so a bus that never starts only showed as "Not ready: not started" on
/// <c>/health/ready</c>; each fault is now a warning naming the queue and the broker's reason.
/// </summary>
internal sealed partial class EndpointFaultLog(ILogger<EndpointFaultLog> logger) : IReceiveEndpointObserver
{
    public Task Faulted(ReceiveEndpointFaulted faulted)
    {
        LogFaulted(faulted.InputAddress, faulted.Exception);
        return Task.CompletedTask;
    }

    public Task Ready(ReceiveEndpointReady ready) => Task.CompletedTask;

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The queue {Queue} is not receiving; the bus tries again")]
    private partial void LogFaulted(Uri queue, Exception? exception);
}
