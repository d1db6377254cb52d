using Marketplace.BuildingBlocks.Hosting;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.BuildingBlocks.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// One MassTransit bus per process on the configured transport. In all-in-one mode every module's
    /// consumers share it; in microservices mode each service has its own connection to RabbitMQ and, before its outbox
    /// publishes, declares the queues of <paramref name="addEveryConsumer"/> (every module's, <see cref="BrokerTopology"/>).
    /// </summary>
    public static WebApplicationBuilder AddMessageBus(
        this WebApplicationBuilder builder, Action<IBusRegistrationConfigurator> addConsumers, Action<IBusRegistrationConfigurator> addEveryConsumer)
    {
        var options = builder.Configuration.GetMarketplaceOptions().Bus;
        builder.Services.AddSingleton<InProcessDelivery>();
        builder.Services.AddReceiveEndpointObserver<EndpointFaultLog>();
        if (options.Transport == BusTransport.RabbitMq)
        {
            var topology = BrokerTopology.ToDeploy();
            builder.Services.AddSingleton(topology);
            builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<BrokerTopologyDeployment>(sp, topology, addEveryConsumer));
        }
        else
        {
            builder.Services.AddSingleton(BrokerTopology.InProcess());
        }

        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit 8.5 reports usage to its vendor over the internet by default; a marketplace
            // process has no business calling out (and here it cannot, which logged a failure each time).
            bus.DisableUsageTelemetry();
            addConsumers(bus);
            switch (options.Transport)
            {
                case BusTransport.RabbitMq:
                    bus.UsingMarketplaceRabbitMq(options, deployTopologyOnly: false);
                    break;
                case BusTransport.InMemory:
                    bus.UsingInMemory((context, cfg) => ConfigureEndpoints(context, cfg));
                    break;
                default:
                    throw new InvalidOperationException($"Unknown bus transport '{options.Transport}'.");
            }
        });

        // MassTransit registers its bus health check with the "ready" tag, so readiness includes the broker.
        return builder;
    }

    /// <summary>
    /// Registers a consumer on a queue named after its module (<c>contracts-copy-published-dataset</c>),
    /// so two modules' consumers of the same event never compete for one queue, while replicas of one
    /// service do.
    /// </summary>
    public static void AddModuleConsumer<TConsumer>(this IBusRegistrationConfigurator bus, string module)
        where TConsumer : class, IConsumer
    {
        bus.AddConsumer<TConsumer>().Endpoint(e => e.Name = $"{module}-{KebabCaseEndpointNameFormatter.Instance.Consumer<TConsumer>()}");
        // Which consumers must have committed an event before the in-memory bus counts it as delivered.
        foreach (var consumed in typeof(TConsumer).GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)))
        {
            bus.AddSingleton(new ConsumerBinding(consumed.GetGenericArguments()[0], typeof(TConsumer)));
        }
    }

    /// <summary>
    /// RabbitMQ as every process uses it: the broker (or cluster), quorum queues when configured, one queue per consumer.
    /// With <paramref name="deployTopologyOnly"/> the bus declares exchanges, queues and bindings and consumes nothing
    /// (<see cref="BrokerTopology"/>).
    /// </summary>
    internal static void UsingMarketplaceRabbitMq(this IBusRegistrationConfigurator bus, BusOptions options, bool deployTopologyOnly)
    {
        if (options.QuorumQueues)
        {
            // Every consumer's queue (not the bus's own temporary one, which is not durable).
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                }
            });
        }

        bus.UsingRabbitMq((context, cfg) =>
        {
            cfg.DeployTopologyOnly = deployTopologyOnly;
            cfg.Host(new Uri(options.RabbitMqUri), host =>
            {
                if (options.ClusterNodes.Length > 0)
                {
                    host.UseCluster(cluster =>
                    {
                        foreach (var node in options.ClusterNodes)
                        {
                            cluster.Node(node);
                        }
                    });
                }
            });
            cfg.PrefetchCount = options.PrefetchCount;
            ConfigureEndpoints(context, cfg);
        });
    }

    private static void ConfigureEndpoints<T>(IBusRegistrationContext context, IBusFactoryConfigurator<T> cfg)
        where T : IReceiveEndpointConfigurator
    {
        // In-process retries only: the broker's delayed-redelivery plugin is not available here (see docs/decisions).
        cfg.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
        cfg.ConfigureEndpoints(context);
    }
}
