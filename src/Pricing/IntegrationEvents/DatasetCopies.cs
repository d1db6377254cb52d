using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.Pricing.Domain;
using Marketplace.Pricing.Infrastructure;

namespace Marketplace.Pricing.IntegrationEvents;

/// <summary>Keeps <see cref="DatasetCopy"/> in step with Catalog's events; an older version never overwrites a newer one.</summary>
internal static class DatasetCopies
{
    public static async Task CopyAsync(PricingDb db, Guid datasetId, int version, Guid provider, DatasetFacts facts, DateTime now, CancellationToken ct)
    {
        var copy = await db.DatasetCopies.FindAsync([datasetId], ct);
        if (copy is null)
        {
            copy = new DatasetCopy { DatasetId = datasetId };
            db.DatasetCopies.Add(copy);
        }
        else if (copy.Version > version)
        {
            return;
        }

        copy.Version = version;
        copy.ProviderOrganisationId = provider;
        copy.ProcessStage = facts.ProcessStage;
        copy.DataType = facts.DataTypes.FirstOrDefault();
        copy.RecordCount = facts.RecordCount;
        copy.CoverageFrom = facts.CoverageFrom;
        copy.CoverageTo = facts.CoverageTo;
        copy.MetadataScore = facts.MetadataScore;
        copy.Labelled = facts.Labelled;
        copy.ExclusivityAvailable = facts.ExclusivityAvailable;
        copy.VisibleTo = facts.VisibleTo;
        copy.Listed = true;
        copy.SyncedAt = now;
    }

    public static async Task UnlistAsync(PricingDb db, Guid datasetId, int version, DateTime now, CancellationToken ct)
    {
        if (await db.DatasetCopies.FindAsync([datasetId], ct) is { } copy && copy.Version <= version)
        {
            copy.Listed = false;
            copy.SyncedAt = now;
        }
    }
}
