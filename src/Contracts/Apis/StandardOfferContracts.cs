using Marketplace.BuildingBlocks.Errors;
using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Negotiations;

namespace Marketplace.Contracts.Apis;

/// <summary>
/// A standard offer as its provider publishes it: terms (members left out take the standard values a request takes) and
/// a price inside the band; <paramref name="AutoAgree"/> lets the platform agree to a request at these terms on the
/// provider's behalf.
/// </summary>
public sealed record PublishStandardOfferRequest(ContractTermsRequest? Terms, decimal? PriceKrw, bool? AutoAgree = false)
{
    public decimal Validate() => ContractPrice.Validate(PriceKrw);
}

/// <summary>A request at a standard offer's terms, starting on <paramref name="StartDate"/> (today when left out).</summary>
public sealed record RequestStandardTermsRequest(DateOnly? StartDate = null)
{
    public DateOnly Validate(DateOnly today)
    {
        var start = StartDate ?? today;
        new Validator()
            .Require(start >= today, "startDate", "Must not be in the past.")
            .Require(start <= today.AddYears(2), "startDate", "Must be within two years.")
            .ThrowIfInvalid();
        return start;
    }
}

/// <param name="Terms">The offer's terms; a request at them starts on the day it names, not on <c>startDate</c> (the day the offer was published).</param>
/// <param name="Status">ACTIVE, or WITHDRAWN (<paramref name="WithdrawalReason"/>: provider, outside-band, terms-not-offered, dataset-withdrawn, dataset-suspended).</param>
public sealed record StandardOfferResponse(
    Guid Id,
    Guid DatasetId,
    Guid ProviderOrganisationId,
    ContractTerms Terms,
    decimal PriceKrw,
    PriceCheck PriceCheck,
    bool AutoAgree,
    string Status,
    string? WithdrawalReason,
    DateTime PublishedAt,
    DateTime? WithdrawnAt)
{
    public static StandardOfferResponse From(StandardOffer o) => new(
        o.Id, o.DatasetId, o.ProviderOrganisationId, o.Terms, o.PriceKrw, o.Check, o.AutoAgree, o.Status.ToString().ToUpperInvariant(), o.WithdrawalReason,
        o.PublishedAt, o.WithdrawnAt);
}

/// <summary>A dataset's active standard offers (at most <see cref="StandardOffer.MaxActivePerDataset"/>, so not paged), cheapest first.</summary>
public sealed record StandardOfferList(IReadOnlyList<StandardOfferResponse> Items);
