using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.Contracts.Infrastructure;
using Marketplace.Contracts.Negotiations;
using Microsoft.Extensions.Logging;

namespace Marketplace.Contracts.IntegrationEvents;

/// <summary>A withdrawn dataset takes no new negotiations and ends the open ones.</summary>
public sealed class EndNegotiationsOnWithdrawalConsumer(ContractsDb db, TimeProvider clock, ILogger<EndNegotiationsOnWithdrawalConsumer> logger)
    : InboxConsumer<DatasetWithdrawn, ContractsDb>(db, clock, logger)
{
    protected override Task HandleAsync(DatasetWithdrawn message, CancellationToken ct) =>
        EndNegotiations.OnDatasetGoneAsync(Db, message.DatasetId, message.Version, "dataset-withdrawn", Clock.GetUtcNow().UtcDateTime, ct);
}
