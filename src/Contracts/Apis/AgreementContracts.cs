using System.Text.Json;
using Marketplace.BuildingBlocks.Organisations;
using Marketplace.BuildingBlocks.Persistence;
using Marketplace.BuildingBlocks.Vocabulary;
using Marketplace.Contracts.Domain;

namespace Marketplace.Contracts.Apis;

/// <param name="Document">The canonical document the parties signed (its exact text is <paramref name="CanonicalDocument"/>).</param>
/// <param name="Receipt">The platform's ES256 JWS over the hash and both signatures; verify it with <c>GET /api/contracts/jwks</c>.</param>
public sealed record AgreementResponse(
    Guid Id,
    Guid NegotiationId,
    string Status,
    Guid DatasetId,
    int DatasetVersion,
    Guid ProviderOrganisationId,
    Guid BuyerOrganisationId,
    PartyName Provider,
    PartyName Buyer,
    decimal PriceKrw,
    ContractTerms Terms,
    PriceCheck PriceCheck,
    DateTime StartsAt,
    DateTime EndsAt,
    JsonElement Document,
    string CanonicalDocument,
    string Hash,
    Signature ProviderSignature,
    Signature? BuyerSignature,
    string? Receipt,
    DateTime? FinalizedAt,
    DateTime? TerminatedAt,
    string? TerminatedBy,
    string? TerminationReason)
{
    /// <summary>The agreement with both parties named (from this module's copy of Identity's names).</summary>
    public static async Task<AgreementResponse> ForAsync(ModuleDbContext db, Agreement a, DateTime now, CancellationToken ct)
    {
        var names = await PartyNames.LoadAsync(db, [a.ProviderOrganisationId, a.BuyerOrganisationId], ct);
        return new(
            a.Id, a.NegotiationId, a.StatusAt(now), a.DatasetId, a.DatasetVersion, a.ProviderOrganisationId, a.BuyerOrganisationId,
            names[a.ProviderOrganisationId], names[a.BuyerOrganisationId], a.PriceKrw,
            a.Terms, a.Check, a.StartsAt, a.EndsAt, JsonDocument.Parse(a.Document).RootElement, a.Document, a.Hash, a.ProviderSignature,
            a.BuyerSignature, a.Receipt, a.FinalizedAt, a.TerminatedAt, a.TerminatedBy, a.TerminationReason);
    }
}

/// <summary>An access grant: a JWT for the provider's data endpoint (audience: the provider organisation).</summary>
/// <param name="Grant">The signed JWT (ES256) the provider's system verifies; shown only here, once.</param>
public sealed record GrantResponse(
    string Grant, Guid GrantId, Guid AgreementId, DateTime IssuedAt, DateTime NotBefore, DateTime ExpiresAt, string Issuer, string JwksPath);

/// <summary>An issued grant as either party reads it later (its JWT is not kept).</summary>
public sealed record GrantRecord(Guid GrantId, Guid AgreementId, DateTime IssuedAt, DateTime NotBefore, DateTime ExpiresAt);

/// <summary>An agreement ended early: its grants must no longer be honoured, whatever their expiry.</summary>
public sealed record Revocation(Guid AgreementId, Guid DatasetId, Guid BuyerOrganisationId, DateTime RevokedAt, string Reason);

/// <summary>Revoked agreements, oldest revocation first, a page at a time (<paramref name="NextCursor"/>: the cursor of the next page; null on the last).</summary>
public sealed record RevocationList(DateTime GeneratedAt, IReadOnlyList<Revocation> Revoked, string? NextCursor);

/// <summary>The codes contract terms use, each with its Korean and English label; the law that governs every agreement.</summary>
public sealed record TermsVocabularyResponse(
    IReadOnlyList<Term> Scopes,
    IReadOnlyList<Term> Redistribution,
    IReadOnlyList<Term> SecurityMeasures,
    IReadOnlyList<Term> DisputeResolution,
    IReadOnlyList<Term> TerminationReasons,
    IReadOnlyList<Term> PlatformTerminationReasons,
    string GoverningLaw);
