using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.Contracts.Infrastructure;
using Marketplace.Contracts.Negotiations;
using Microsoft.Extensions.Logging;

namespace Marketplace.Contracts.IntegrationEvents;

/// <summary>A suspended dataset takes no new negotiations until it is reinstated, and its open ones end.</summary>
public sealed class EndNegotiationsOnSuspensionConsumer(ContractsDb db, TimeProvider clock, ILogger<EndNegotiationsOnSuspensionConsumer> logger)
    : InboxConsumer<DatasetSuspended, ContractsDb>(db, clock, logger)
{
    protected override Task HandleAsync(DatasetSuspended message, CancellationToken ct) =>
        EndNegotiations.OnDatasetGoneAsync(Db, message.DatasetId, message.Version, "dataset-suspended", Clock.GetUtcNow().UtcDateTime, ct);
}
