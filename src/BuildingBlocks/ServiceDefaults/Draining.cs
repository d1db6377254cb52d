using Marketplace.BuildingBlocks.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.BuildingBlocks.ServiceDefaults;

/// <summary>
/// Graceful shutdown for replicas: once the host is told to stop, <c>/health/ready</c> answers 503 while the process
/// keeps serving for <see cref="MarketplaceOptions.DrainDelay"/>; the gateway's health checks (or Kubernetes'
/// readiness probe) take it out of the rotation meanwhile. Kestrel then stops accepting connections and lets the
/// requests in flight finish (up to the host's shutdown timeout).
/// </summary>
public sealed class Draining(IOptions<MarketplaceOptions> options, ILogger<Draining> logger) : IHostedLifecycleService, IHealthCheck
{
    private volatile bool _stopping;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(_stopping ? HealthCheckResult.Unhealthy("stopping: draining requests") : HealthCheckResult.Healthy());

    public async Task StoppingAsync(CancellationToken ct)
    {
        _stopping = true;
        var delay = options.Value.DrainDelay;
        if (delay > TimeSpan.Zero)
        {
            logger.LogInformation("Stopping: not ready any more, still serving for {Delay}", delay);
            try
            {
                await Task.Delay(delay, ct);
            }
            catch (OperationCanceledException)
            {
                // The host's shutdown timeout ended the drain early; stopping goes on.
            }
        }
    }

    public Task StartingAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
