using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Pricing;
using Marketplace.Pricing.Domain;

namespace Marketplace.Pricing.Apis;

/// <param name="ProcessStage">With <paramref name="DataType"/>, the category; both empty: the default baseline.</param>
public sealed record BaselineRequest(decimal BasePrice, BaselineFactors? Factors, string? ProcessStage = null, string? DataType = null);

public sealed record PublishBaselineRequest(DateTime? EffectiveFrom = null);

public sealed record PreviewRequest(Guid[]? DatasetIds, string? Purpose, int? DurationMonths, bool Exclusive = false)
{
    /// <summary>The datasets (1 to 50, each once) and the terms to price them for (400 naming each bad member).</summary>
    public (Guid[] DatasetIds, QuoteTerms Terms) Validate()
    {
        var checks = new Validator().Require(DatasetIds is { Length: > 0 and <= 50 }, "datasetIds", "Name 1 to 50 datasets.");
        var terms = QuoteTermsInput.Validate(checks, Purpose, DurationMonths, Exclusive);
        return (DatasetIds!.Distinct().ToArray(), terms);
    }
}

public sealed record BaselineResponse(
    Guid Id, string? ProcessStage, string? DataType, int Version, BaselineStatus Status, string Currency, decimal BasePrice,
    BaselineFactors Factors, DateTime? EffectiveFrom, string CreatedBy, DateTime CreatedAt, string? PublishedBy, DateTime? PublishedAt)
{
    public static BaselineResponse From(Baseline b) => new(
        b.Id, b.ProcessStage, b.DataType, b.Version, b.Status, Baseline.Currency, b.BasePrice, b.Factors, b.EffectiveFrom,
        b.CreatedBy, b.CreatedAt, b.PublishedBy, b.PublishedAt);
}

/// <param name="Quote">Null when the dataset is not in Pricing's copy of the catalog (unknown, withdrawn or suspended).</param>
public sealed record PreviewLine(Guid DatasetId, PriceQuote? Quote);
