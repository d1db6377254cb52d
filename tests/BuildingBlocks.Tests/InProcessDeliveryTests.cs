using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;

namespace Marketplace.BuildingBlocks.Tests;

/// <summary>
/// The in-memory bus counts an event delivered only once every consumer committed it. Two modules' consumers may share a
/// name (Contracts' and Pricing's CopyPublishedDatasetConsumer): they are still two consumers, or a crash between the
/// first and the second commit would lose the second module's copy (the crash-recovery test found exactly that).
/// </summary>
[Trait("Speed", "Fast")]
public sealed class InProcessDeliveryTests
{
    [Fact]
    public async Task An_event_counts_as_delivered_only_when_every_consumer_committed_it_even_two_of_the_same_name()
    {
        var delivery = new InProcessDelivery([
            new ConsumerBinding(typeof(DatasetPublished), typeof(ModuleA.SameNameConsumer)),
            new ConsumerBinding(typeof(DatasetPublished), typeof(ModuleB.SameNameConsumer)),
        ]);
        var message = Guid.NewGuid();

        var delivered = delivery.ExpectAsync(message, typeof(DatasetPublished));
        delivery.Acknowledge(message, typeof(ModuleA.SameNameConsumer));
        delivery.Acknowledge(message, typeof(ModuleA.SameNameConsumer));
        Assert.False(delivered.IsCompleted);

        delivery.Acknowledge(message, typeof(ModuleB.SameNameConsumer));
        await delivered.WaitAsync(TimeSpan.FromSeconds(5));
    }

    // Two consumers of one name in two "modules".
    private static class ModuleA
    {
        public sealed class SameNameConsumer;
    }

    private static class ModuleB
    {
        public sealed class SameNameConsumer;
    }
}
