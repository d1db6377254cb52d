using Marketplace.BuildingBlocks.Pricing;
using Marketplace.Pricing.Domain;

namespace Marketplace.Pricing.Apis;

/// <param name="At">The moment the price is for (default: now); the baseline version in force then applies.</param>
public sealed record QuoteRequest(Guid? DatasetId, string? Purpose, int? DurationMonths, bool Exclusive = false, DateTime? At = null);

/// <summary>What an eligible buyer would pay after a voucher programme's subsidy (nothing is reserved by a quote).</summary>
public sealed record VoucherOffer(Guid ProgrammeId, string Name, decimal SubsidyKrw, decimal BuyerPaysKrw);

public sealed record QuoteResponse(Guid DatasetId, int ListingVersion, DateTime At, QuoteTerms Terms, PriceQuote Price, VoucherOffer? Voucher);
