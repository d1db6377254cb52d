using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Microsoft.Extensions.Logging;

namespace Marketplace.BuildingBlocks.Tests.Harness;

/// <summary>Adds a row per application, so applying a message twice would leave two rows.</summary>
public sealed class RecordApplicationConsumer(TestDb db, TimeProvider clock, ILogger<RecordApplicationConsumer> logger)
    : InboxConsumer<DatasetPublished, TestDb>(db, clock, logger)
{
    protected override Task HandleAsync(DatasetPublished message, CancellationToken ct)
    {
        Db.Applications.Add(new Application { DatasetId = message.DatasetId, Title = message.TitleEn });
        return Task.CompletedTask;
    }
}
