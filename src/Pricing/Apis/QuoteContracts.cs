using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Pricing;
using Marketplace.Pricing.Domain;

namespace Marketplace.Pricing.Apis;

/// <param name="At">The moment the price is for (default: now); the baseline version in force then applies.</param>
public sealed record QuoteRequest(Guid? DatasetId, string? Purpose, int? DurationMonths, bool Exclusive = false, DateTime? At = null)
{
    /// <summary>The dataset and the terms to price (400 naming each bad member).</summary>
    public (Guid DatasetId, QuoteTerms Terms) Validate()
    {
        var checks = new Validator().Require(DatasetId is { } id && id != Guid.Empty, "datasetId", "Required: the dataset to price.");
        var terms = QuoteTermsInput.Validate(checks, Purpose, DurationMonths, Exclusive);
        return (DatasetId!.Value, terms);
    }
}

/// <summary>Purpose, duration and exclusivity as quotes and previews take them.</summary>
public static class QuoteTermsInput
{
    /// <summary>Adds the terms' checks to <paramref name="checks"/> and throws one 400 for everything wrong.</summary>
    public static QuoteTerms Validate(Validator checks, string? purpose, int? durationMonths, bool exclusive)
    {
        checks
            .Require(ReferencePrice.IsPurpose(purpose), "purpose", "Must be one of the catalog's purposes (GET /api/catalog/taxonomy).")
            .Require(durationMonths is >= 1 and <= 120, "durationMonths", "Must be 1 to 120 months.")
            .ThrowIfInvalid();
        return new QuoteTerms(purpose!, durationMonths!.Value, exclusive);
    }
}

/// <summary>What an eligible buyer would pay after a voucher programme's subsidy (nothing is reserved by a quote).</summary>
public sealed record VoucherOffer(Guid ProgrammeId, string Name, decimal SubsidyKrw, decimal BuyerPaysKrw);

public sealed record QuoteResponse(Guid DatasetId, int DatasetVersion, DateTime At, QuoteTerms Terms, PriceQuote Price, VoucherOffer? Voucher);
