namespace Marketplace.TestSupport;

/// <summary>
/// Which consumers (module database, consumer name as recorded in its inbox) every integration event type must reach,
/// as the modules register them: what the crash test and bench/replicas.sh check delivery against. Linked into
/// bench/Reliability too.
/// </summary>
public static class EventConsumers
{
    public static readonly Dictionary<string, (string Module, string Consumer)[]> ByEvent = new()
    {
        ["DatasetPublished"] = [("contracts", "CopyPublishedDatasetConsumer"), ("pricing", "CopyPublishedDatasetConsumer")],
        ["DatasetUpdated"] = [("contracts", "CopyUpdatedDatasetConsumer"), ("pricing", "CopyUpdatedDatasetConsumer")],
        ["DatasetWithdrawn"] = [("contracts", "EndNegotiationsOnWithdrawalConsumer"), ("pricing", "UnlistWithdrawnDatasetConsumer")],
        ["DatasetSuspended"] = [("contracts", "EndNegotiationsOnSuspensionConsumer"), ("pricing", "UnlistSuspendedDatasetConsumer")],
        ["BaselinePublished"] = [("contracts", "KeepBaselineCopyConsumer")],
        ["ContractFinalized"] = [("pricing", "ReserveVoucherSubsidyConsumer"), ("pricing", "RecordAgreementConsumer")],
    };
}
