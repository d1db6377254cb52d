namespace Marketplace.BuildingBlocks.Messaging;

public enum BusTransport
{
    /// <summary>In-process MassTransit transport; all-in-one mode.</summary>
    InMemory,

    /// <summary>RabbitMQ; microservices mode.</summary>
    RabbitMq,
}
