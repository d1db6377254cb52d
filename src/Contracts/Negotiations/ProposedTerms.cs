using System.Text.RegularExpressions;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Pricing;
using Marketplace.BuildingBlocks.Vocabulary;
using Marketplace.Contracts.Domain;

namespace Marketplace.Contracts.Negotiations;

/// <summary>
/// Proposed terms as a client sends them: every member optional (<see cref="ProposedTerms.Resolve"/> fills the rest).
/// </summary>
public sealed record ContractTermsRequest(
    string[]? Purposes = null,
    string? Scope = null,
    DateOnly? StartDate = null,
    int? DurationMonths = null,
    string[]? Territory = null,
    string? Redistribution = null,
    bool? DerivativeWorks = null,
    string[]? SecurityMeasures = null,
    int? DeletionDays = null,
    decimal? LiabilityCapKrw = null,
    bool? Exclusive = null,
    string? DisputeResolution = null);

/// <summary>
/// The terms a request, an offer, a counter or a renewal puts on the table. A member left out keeps the value on the
/// table (for an offer or counter) or takes the standard value (for a new request): start today, Korea only, no
/// redistribution, no derivative works, encryption in transit and access control, deletion within 30 days, liability
/// capped at the price (a cap nobody changed follows the price as it changes, so it is the final price's), use inside
/// the buyer organisation (<see cref="DefaultScope"/>, written in the text's language), non-exclusive, arbitration by
/// the Korean Commercial Arbitration Board.
/// </summary>
public static partial class ProposedTerms
{
    /// <summary>The standard scope's code (<see cref="TermsVocabulary.Scopes"/>): the agreement text says it in Korean or English.</summary>
    public const string DefaultScope = "buyer-internal";

    /// <summary>
    /// The terms this request makes of <paramref name="current"/> (null: a new request) at <paramref name="price"/>,
    /// validated (400 naming each bad field). <paramref name="currentPrice"/> is the price on the table with
    /// <paramref name="current"/>: a liability cap equal to it was never set apart from the price, and follows it.
    /// </summary>
    public static ContractTerms Resolve(ContractTermsRequest? r, ContractTerms? current, decimal price, DateOnly today, decimal? currentPrice = null)
    {
        r ??= new ContractTermsRequest();
        var terms = new ContractTerms(
            r.Purposes ?? current?.Purposes ?? [],
            r.Scope ?? current?.Scope ?? DefaultScope,
            r.StartDate ?? current?.StartDate ?? today,
            r.DurationMonths ?? current?.DurationMonths ?? 0,
            r.Territory ?? current?.Territory ?? ["KR"],
            r.Redistribution ?? current?.Redistribution ?? "never",
            r.DerivativeWorks ?? current?.DerivativeWorks ?? false,
            r.SecurityMeasures ?? current?.SecurityMeasures ?? ["encryption-in-transit", "access-control"],
            r.DeletionDays ?? current?.DeletionDays ?? 30,
            r.LiabilityCapKrw ?? (current is null || current.LiabilityCapKrw == currentPrice ? price : current.LiabilityCapKrw),
            r.Exclusive ?? current?.Exclusive ?? false,
            r.DisputeResolution ?? current?.DisputeResolution ?? "korean-commercial-arbitration-board");

        new Validator()
            .Require(terms.Purposes.Length is >= 1 and <= 5 && terms.Purposes.All(ReferencePrice.IsPurpose) && terms.Purposes.Distinct().Count() == terms.Purposes.Length,
                "terms.purposes", "One to five distinct purposes of the catalog taxonomy (GET /api/catalog/taxonomy).")
            .Require(!string.IsNullOrWhiteSpace(terms.Scope), "terms.scope", "Describe the scope of use.")
            .MaxLength(terms.Scope, 1000, "terms.scope")
            .Require((current is not null && terms.StartDate == current.StartDate) || terms.StartDate >= today, "terms.startDate", "Must not be in the past.")
            .Require(terms.StartDate <= today.AddYears(2), "terms.startDate", "Must be within two years.")
            .Require(terms.DurationMonths is >= 1 and <= 120, "terms.durationMonths", "Must be 1 to 120 months.")
            .Require(terms.Territory.Length is >= 1 and <= 50 && terms.Territory.All(t => CountryCode().IsMatch(t)), "terms.territory",
                "One or more ISO 3166-1 alpha-2 country codes, e.g. [\"KR\"].")
            .Require(Taxonomy.IsKnown(TermsVocabulary.Redistribution, terms.Redistribution), "terms.redistribution", "never or derived-products-only.")
            .Require(terms.SecurityMeasures.All(m => Taxonomy.IsKnown(TermsVocabulary.SecurityMeasures, m)), "terms.securityMeasures",
                $"Each one of: {string.Join(", ", TermsVocabulary.SecurityMeasures.Select(t => t.Code))}.")
            .Require(terms.DeletionDays is >= 0 and <= 365, "terms.deletionDays", "Must be 0 to 365 days.")
            .Require(Money.IsWholeWon(terms.LiabilityCapKrw), "terms.liabilityCapKrw", Money.WholeWonRule)
            .Require(Taxonomy.IsKnown(TermsVocabulary.DisputeResolution, terms.DisputeResolution), "terms.disputeResolution",
                $"One of: {string.Join(", ", TermsVocabulary.DisputeResolution.Select(t => t.Code))}.")
            .ThrowIfInvalid();
        return terms;
    }

    /// <summary>Whether two sets of terms are the same, member by member (the lists in order).</summary>
    public static bool Same(ContractTerms a, ContractTerms b) =>
        a with { Purposes = Array.Empty<string>(), Territory = Array.Empty<string>(), SecurityMeasures = Array.Empty<string>() }
            == b with { Purposes = Array.Empty<string>(), Territory = Array.Empty<string>(), SecurityMeasures = Array.Empty<string>() }
        && a.Purposes.SequenceEqual(b.Purposes) && a.Territory.SequenceEqual(b.Territory) && a.SecurityMeasures.SequenceEqual(b.SecurityMeasures);

    /// <summary>Terms the dataset does not offer get 422 naming the field.</summary>
    public static void EnsureOffered(ContractTerms terms, DatasetCopy dataset)
    {
        var facts = dataset.Facts;
        if (facts.Purposes.Length > 0 && terms.Purposes.Except(facts.Purposes).FirstOrDefault() is { } purpose)
        {
            throw new RuleViolationException($"The dataset is not offered for '{purpose}'; it is for {string.Join(", ", facts.Purposes)}.", "terms.purposes");
        }

        if (terms.DurationMonths < (facts.MinDurationMonths ?? 1) || terms.DurationMonths > (facts.MaxDurationMonths ?? 120))
        {
            throw new RuleViolationException(
                $"The dataset is offered for {facts.MinDurationMonths ?? 1} to {facts.MaxDurationMonths ?? 120} months.", "terms.durationMonths");
        }

        if (terms.Exclusive && !facts.ExclusivityAvailable)
        {
            throw new RuleViolationException("This dataset is not offered exclusively.", "terms.exclusive");
        }
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
