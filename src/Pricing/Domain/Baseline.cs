using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.IntegrationEvents;

namespace Marketplace.Pricing.Domain;

/// <summary>
/// A baseline version for one category (process stage × data type; both null: the default for
/// categories without their own). Drafts can be previewed and changed; once published, a version never
/// changes and applies from its effective time until a later version takes over.
/// </summary>
public sealed class Baseline
{
    public const string Currency = "KRW";

    private Baseline()
    {
    }

    public Guid Id { get; private set; }

    public string? ProcessStage { get; private set; }

    public string? DataType { get; private set; }

    /// <summary>0 while a draft; numbered per category on publication.</summary>
    public int Version { get; private set; }

    public BaselineStatus Status { get; private set; }

    /// <summary>Price of one reference unit: one dataset, 12 months, non-exclusive, internal operations (KRW).</summary>
    public decimal BasePrice { get; private set; }

    public BaselineFactors Factors { get; private set; } = null!;

    public DateTime? EffectiveFrom { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public bool IsDefault => ProcessStage is null && DataType is null;

    public static Baseline Draft(string? processStage, string? dataType, decimal basePrice, BaselineFactors factors, string createdBy, DateTime now)
    {
        BaselineRules.Validate(processStage, dataType, basePrice, factors);
        return new Baseline
        {
            Id = Guid.NewGuid(),
            ProcessStage = processStage,
            DataType = dataType,
            Status = BaselineStatus.Draft,
            BasePrice = basePrice,
            Factors = factors,
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }

    public void Revise(decimal basePrice, BaselineFactors factors)
    {
        RequireDraft("revised");
        BaselineRules.Validate(ProcessStage, DataType, basePrice, factors);
        BasePrice = basePrice;
        Factors = factors;
    }

    /// <summary>Numbers the version and fixes it; <paramref name="effectiveFrom"/> may not lie in the past, so quotes already given stay true.</summary>
    public void Publish(int version, DateTime effectiveFrom, string publishedBy, DateTime now)
    {
        RequireDraft("published again");
        if (effectiveFrom < now.AddMinutes(-1))
        {
            throw new RuleViolationException("A baseline cannot take effect in the past.", nameof(EffectiveFrom));
        }

        Version = version;
        Status = BaselineStatus.Published;
        EffectiveFrom = effectiveFrom;
        PublishedBy = publishedBy;
        PublishedAt = now;
    }

    public BaselinePublished ToEvent() =>
        new(Id, ProcessStage, DataType, Version, Currency, BasePrice, Factors, EffectiveFrom!.Value, PublishedAt!.Value);

    private void RequireDraft(string what)
    {
        if (Status != BaselineStatus.Draft)
        {
            throw new ConflictException($"Baseline '{Id}' is published (version {Version}) and cannot be {what}; publish a new version instead.");
        }
    }
}
