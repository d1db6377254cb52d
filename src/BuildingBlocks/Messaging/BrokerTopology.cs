using Marketplace.BuildingBlocks.Hosting;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.BuildingBlocks.Messaging;

/// <summary>
/// Whether the broker holds the queue of every module's consumers, so that what this process publishes waits there for
/// consumers that have not started yet. RabbitMQ drops a message published to an exchange no queue is bound to: before
/// this, an event a service published before the consuming service had ever started was lost (in compose, the demo
/// baselines Pricing publishes at its first start never reached Contracts). The outbox publishes only once
/// <see cref="Deployed"/> has completed; on the in-memory bus it is complete from the start.
/// </summary>
public sealed class BrokerTopology
{
    private readonly TaskCompletionSource _deployed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BrokerTopology()
    {
    }

    public Task Deployed => _deployed.Task;

    internal static BrokerTopology InProcess()
    {
        var topology = new BrokerTopology();
        topology._deployed.TrySetResult();
        return topology;
    }

    internal static BrokerTopology ToDeploy() => new();

    internal void Done() => _deployed.TrySetResult();
}

/// <summary>
/// Declares on RabbitMQ the exchanges, queues and bindings of every module's consumers, whichever module this process
/// runs, with a second bus that consumes nothing (MassTransit's <c>DeployTopologyOnly</c>); declaring is idempotent, so
/// every service does it at start and none has to start first. Retried until the broker answers.
/// </summary>
internal sealed class BrokerTopologyDeployment(
    BrokerTopology topology,
    Action<IBusRegistrationConfigurator> addEveryConsumer,
    IOptions<MarketplaceOptions> marketplace,
    ILoggerFactory loggers,
    TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var logger = loggers.CreateLogger<BrokerTopologyDeployment>();
        for (var failures = 0; !stoppingToken.IsCancellationRequested; failures++)
        {
            try
            {
                await DeployAsync(stoppingToken);
                topology.Done();
                return;
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping while the broker was unreachable: nothing is lost, the next start declares them.
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The broker's queues could not be declared; the outbox waits and this is tried again");
                var delay = TimeSpan.FromMilliseconds(Math.Min(10_000, 200 * Math.Pow(2, failures)));
                await Task.Delay(delay, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task DeployAsync(CancellationToken ct)
    {
        var services = new ServiceCollection();
        services.AddSingleton(loggers);
        services.AddLogging();
        services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            addEveryConsumer(bus);
            bus.UsingMarketplaceRabbitMq(marketplace.Value.Bus, deployTopologyOnly: true);
        });
        await using var provider = services.BuildServiceProvider();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(AttemptTimeout);
        await provider.GetRequiredService<IBusControl>().DeployAsync(timeout.Token);
    }
}
