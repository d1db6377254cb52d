using System.Text.Json;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Organisations;
using Marketplace.BuildingBlocks.Persistence;
using Marketplace.BuildingBlocks.Pricing;
using Marketplace.BuildingBlocks.Vocabulary;
using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Negotiations;

namespace Marketplace.Contracts.Apis;

/// <summary>A buyer's request for a dataset: proposed terms and a price inside the band.</summary>
public sealed record RequestNegotiationRequest(Guid? DatasetId, ContractTermsRequest? Terms, decimal? PriceKrw)
{
    /// <summary>The dataset and the price (400 naming each bad member); the terms are checked as they are resolved.</summary>
    public (Guid DatasetId, decimal Price) Validate()
    {
        new Validator()
            .Require(DatasetId is { } d && d != Guid.Empty, "datasetId", "The dataset to negotiate.")
            .Require(ContractPrice.IsValid(PriceKrw), "priceKrw", ContractPrice.Rule)
            .ThrowIfInvalid();
        return (DatasetId!.Value, PriceKrw!.Value);
    }
}

/// <summary>An offer (provider) or counter (buyer): fields left out keep what is on the table.</summary>
public sealed record ProposalRequest(ContractTermsRequest? Terms = null, decimal? PriceKrw = null)
{
    /// <summary>The proposed price (400 when it is not a price), or null to keep the one on the table.</summary>
    public decimal? Validate() => PriceKrw is null ? null : ContractPrice.Validate(PriceKrw);
}

/// <summary>
/// The provider's signature, optionally naming the hash of the draft it read (<c>GET …/agreement-draft</c>): when
/// the draft has changed since, the agreement is not signed (409 with the current hash).
/// </summary>
public sealed record AgreeRequest(string? AgreementHash = null)
{
    /// <summary>The hash the provider read, or null when it names none (400 when it is given but blank).</summary>
    public string? Validate()
    {
        new Validator().Require(AgreementHash is null || !string.IsNullOrWhiteSpace(AgreementHash), "agreementHash",
            "The SHA-256 of the agreement draft you read (GET /api/contracts/negotiations/{id}/agreement-draft), or leave it out.").ThrowIfInvalid();
        return AgreementHash;
    }
}

/// <summary>The buyer's signature names the hash of the agreement it read, so it signs what the provider signed.</summary>
public sealed record VerifyRequest(string? AgreementHash)
{
    public string Validate()
    {
        new Validator().Require(!string.IsNullOrWhiteSpace(AgreementHash), "agreementHash",
            "The SHA-256 of the agreement you verify (GET /api/contracts/agreements/{id}).").ThrowIfInvalid();
        return AgreementHash!;
    }
}

/// <summary>A reason code (<c>GET /api/contracts/terms-vocabulary</c>) and optional words.</summary>
public sealed record TerminateRequest(string? Reason, string? Detail = null)
{
    /// <summary>The reason code, one parties may give (400 otherwise).</summary>
    public string Validate()
    {
        new Validator()
            .Require(Taxonomy.IsKnown(TermsVocabulary.TerminationReasons, Reason), "reason",
                $"One of: {string.Join(", ", TermsVocabulary.TerminationReasons.Select(t => t.Code))}.")
            .MaxLength(Detail, 500, "detail")
            .ThrowIfInvalid();
        return Reason!;
    }
}

/// <summary>A renewal: the old agreement's terms from its end (or <paramref name="StartDate"/>), at its price unless another is given.</summary>
public sealed record RenewRequest(decimal? PriceKrw = null, DateOnly? StartDate = null)
{
    /// <summary>The price asked, or the old agreement's (400 when the given one is not a price).</summary>
    public decimal Validate(decimal current) => ContractPrice.Validate(PriceKrw ?? current);
}

/// <summary>What a contract price is: whole won, above zero, at most the largest amount the marketplace takes.</summary>
public static class ContractPrice
{
    public const string Rule = "A price in whole won above 0, at most 1,000,000,000,000.";

    public static bool IsValid(decimal? price) => price > 0 && Money.IsWholeWon(price);

    public static decimal Validate(decimal? price)
    {
        new Validator().Require(IsValid(price), "priceKrw", Rule).ThrowIfInvalid();
        return price!.Value;
    }
}

/// <param name="DspParticipantId">
/// The participant id of the buyer's connector when the connector requested this negotiation over the Dataspace Protocol:
/// it takes the buyer's steps (a person of the buyer's organisation may only terminate); null otherwise.
/// </param>
public sealed record NegotiationResponse(
    Guid Id,
    string State,
    string? Turn,
    Guid DatasetId,
    int DatasetVersion,
    Guid ProviderOrganisationId,
    Guid BuyerOrganisationId,
    PartyName Provider,
    PartyName Buyer,
    ContractTerms Terms,
    decimal PriceKrw,
    PriceCheck PriceCheck,
    DateTime? DueAt,
    Guid? AgreementId,
    string? AgreementHash,
    Guid? RenewalOf,
    Guid? StandardOfferId,
    string? DspParticipantId,
    string? TerminationReason,
    int Revision,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<NegotiationRound> Rounds,
    IReadOnlyList<NegotiationEvent> History)
{
    /// <summary>The negotiation with both parties named (from this module's copy of Identity's names).</summary>
    public static async Task<NegotiationResponse> ForAsync(ModuleDbContext db, Negotiation n, CancellationToken ct) =>
        From(n, await PartyNames.LoadAsync(db, [n.ProviderOrganisationId, n.BuyerOrganisationId], ct));

    public static NegotiationResponse From(Negotiation n, IReadOnlyDictionary<Guid, PartyName> names) => new(
        n.Id, NegotiationRules.Name(n.State), n.Turn?.ToString().ToLowerInvariant() ?? (n.State == NegotiationState.Verified ? "platform" : null),
        n.DatasetId, n.DatasetVersion, n.ProviderOrganisationId, n.BuyerOrganisationId, names[n.ProviderOrganisationId], names[n.BuyerOrganisationId], n.Terms, n.PriceKrw, n.Check, n.DueAt,
        n.AgreementId, n.AgreementHash, n.RenewalOf, n.StandardOfferId, n.DspParticipantId, n.TerminationReason, n.Revision, n.CreatedAt, n.UpdatedAt, n.Rounds, n.History);
}

/// <summary>
/// The agreement a negotiation would yield if the provider agreed now (to the request or the accepted offer): the document both parties would
/// sign, its SHA-256 and the text to read. Agreeing with <paramref name="Hash"/> signs exactly this document.
/// </summary>
/// <param name="Text">The agreement as people read it, in <paramref name="Language"/> (Markdown).</param>
public sealed record AgreementDraftResponse(
    Guid AgreementId, Guid NegotiationId, JsonElement Document, string CanonicalDocument, string Hash, string Language, string Text);
