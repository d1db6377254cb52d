using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.Host;
using MassTransit;

namespace Marketplace.Architecture.Tests;

[Trait("Speed", "Fast")]
public sealed class MessagingRulesTests
{
    [Fact]
    public void Integration_events_are_sealed_records_in_the_shared_namespace()
    {
        var events = typeof(IIntegrationEvent).Assembly.GetTypes()
            .Where(t => typeof(IIntegrationEvent).IsAssignableFrom(t) && !t.IsInterface)
            .ToList();

        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            // MassTransit routes by full type name, so moving an event breaks every consumer of it.
            Assert.Equal("Marketplace.BuildingBlocks.IntegrationEvents", e.Namespace);
            Assert.True(e.IsSealed, $"{e.Name} is sealed");
            Assert.NotNull(e.GetProperty("EqualityContract", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance));
        });
    }

    [Fact]
    public void Every_consumer_in_a_module_deduplicates_through_the_inbox()
    {
        var consumers = Modules.All.SelectMany(m => m.GetType().Assembly.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IConsumer).IsAssignableFrom(t))
            .ToList();

        Assert.NotEmpty(consumers);
        Assert.All(consumers, c => Assert.True(DerivesFromInboxConsumer(c), $"{c.Name} derives from InboxConsumer<,>"));
    }

    private static bool DerivesFromInboxConsumer(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(InboxConsumer<,>))
            {
                return true;
            }
        }

        return false;
    }
}
