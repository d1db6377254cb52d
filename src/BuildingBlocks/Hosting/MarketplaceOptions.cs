using Marketplace.BuildingBlocks.Messaging;
using Marketplace.BuildingBlocks.Persistence;

namespace Marketplace.BuildingBlocks.Hosting;

/// <summary>The <c>Marketplace</c> configuration section shared by every module.</summary>
public sealed class MarketplaceOptions
{
    public const string Section = "Marketplace";

    /// <summary>Folder for SQLite files and development keys in all-in-one mode.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>
    /// On SIGTERM, how long the process keeps serving while <c>/health/ready</c> answers 503, so the gateway (or a
    /// Kubernetes Service) stops sending it requests before it stops accepting them; then in-flight requests finish.
    /// Zero (the default) for one process alone; a few health-check intervals with replicas.
    /// </summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.Zero;

    public DatabaseOptions Database { get; set; } = new();

    public BusOptions Bus { get; set; } = new();

    public OutboxOptions Outbox { get; set; } = new();
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Server part of the PostgreSQL connection string (host, port, user, password). Each module adds
    /// its own database name, <c>marketplace_{module}</c>, unless <c>ConnectionStrings:{module}</c> is set.
    /// </summary>
    public string Postgres { get; set; } = "Host=127.0.0.1;Port=5432;Username=postgres";
}

public sealed class BusOptions
{
    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    public string RabbitMqUri { get; set; } = "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>
    /// Declare the consumers' queues as quorum queues (replicated by a RabbitMQ cluster, a node may be lost); false:
    /// classic queues, on one node. A queue keeps the type it was declared with: switching needs new queues.
    /// </summary>
    public bool QuorumQueues { get; set; }

    /// <summary>The nodes of a RabbitMQ cluster (<c>host:port</c>) a process connects to, the next one when one is lost; empty: only <see cref="RabbitMqUri"/>'s.</summary>
    public string[] ClusterNodes { get; set; } = [];

    /// <summary>
    /// Messages each consumer's queue hands this process at a time, and consumes at once (RabbitMQ). MassTransit's own
    /// default is twice the processor count, 4 on two cores: under load the events then waited in the queues.
    /// </summary>
    public int PrefetchCount { get; set; } = 16;
}

public sealed class OutboxOptions
{
    /// <summary>How often the dispatcher looks for unsent events when no commit has signalled it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a batch's publishes may wait for the broker's confirmations (in-memory: the consumers' commits) before the unconfirmed rows are retried later.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public int BatchSize { get; set; } = 100;
}
