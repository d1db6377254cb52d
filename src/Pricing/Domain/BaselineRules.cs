using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Vocabulary;

namespace Marketplace.Pricing.Domain;

/// <summary>What a baseline must satisfy: a known category, positive prices and multipliers, sorted tiers, a band around 100 %.</summary>
public static class BaselineRules
{
    public static readonly string[] Grades = ["A", "B", "C"];

    public static void Validate(string? processStage, string? dataType, decimal basePrice, BaselineFactors? f)
    {
        var v = new Validator()
            .Require(processStage is null || Taxonomy.IsKnown(Taxonomy.ProcessStages, processStage), nameof(processStage), "Unknown process stage (GET /api/catalog/taxonomy).")
            .Require(dataType is null || Taxonomy.IsKnown(Taxonomy.DataTypes, dataType), nameof(dataType), "Unknown data type (GET /api/catalog/taxonomy).")
            .Require((processStage is null) == (dataType is null), nameof(dataType), "A category is a process stage and a data type; leave both empty for the default baseline.")
            .Require(basePrice > 0 && basePrice <= 100_000_000_000m, nameof(basePrice), "Must be more than 0 and at most 100,000,000,000 KRW.")
            .Require(f is not null, "factors", "Required.");
        if (f is null)
        {
            v.ThrowIfInvalid();
            return;
        }

        CheckTiers(v, f.VolumeTiers, "factors.volumeTiers");
        CheckTiers(v, f.HistoryTiers, "factors.historyTiers");
        v.Require(f.QualityGrades is not null && Grades.All(g => f.QualityGrades.TryGetValue(g, out var m) && IsMultiplier(m)) && f.QualityGrades.Count == Grades.Length,
                "factors.qualityGrades", "Give a positive multiplier for each of A, B and C.")
            .Require(IsMultiplier(f.ExclusivityMultiplier), "factors.exclusivityMultiplier", "Must be a positive multiplier, at most 100.")
            .Require(f.PurposeMultipliers is not null && Taxonomy.Purposes.All(p => f.PurposeMultipliers.TryGetValue(p.Code, out var m) && IsMultiplier(m))
                    && f.PurposeMultipliers.Count == Taxonomy.Purposes.Count,
                "factors.purposeMultipliers", $"Give a positive multiplier for each purpose: {string.Join(", ", Taxonomy.Purposes.Select(p => p.Code))}.")
            .Require(f.DurationStepAbove12 is >= 0 and <= 1, "factors.durationStepAbove12", "Must be between 0 and 1 per month.")
            .Require(f.DurationStepBelow12 is >= 0 and < 1m / 11, "factors.durationStepBelow12", "Must be at least 0 and keep a 1-month term above zero (below 1/11 per month).")
            .Require(f.FloorPercent is > 0 and <= 100, "factors.floorPercent", "Must be more than 0 and at most 100.")
            .Require(f.CeilingPercent is >= 100 and <= 1000, "factors.ceilingPercent", "Must be from 100 to 1000.")
            .Require(f.FloorPercent <= f.CeilingPercent, "factors.floorPercent", "The floor must not be above the ceiling.")
            .Require(f.PlatformFeePercent is >= 0 and < 100, "factors.platformFeePercent", "Must be from 0 to below 100.")
            .Require(f.WellDescribedFeePercent >= 0 && f.WellDescribedFeePercent <= f.PlatformFeePercent, "factors.wellDescribedFeePercent",
                "Must be from 0 up to the platform fee: it rewards well-described datasets.")
            .ThrowIfInvalid();
    }

    private static void CheckTiers(Validator v, Tier[]? tiers, string field) =>
        v.Require(tiers is { Length: > 0 and <= 20 } && tiers[0].From == 0 && tiers.All(t => t is not null && IsMultiplier(t.Multiplier))
                && tiers.Zip(tiers.Skip(1)).All(p => p.First.From < p.Second.From),
            field, "Give 1 to 20 tiers with positive multipliers, the first from 0, in increasing order of From.");

    private static bool IsMultiplier(decimal m) => m is > 0 and <= 100;
}
