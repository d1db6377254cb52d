namespace Marketplace.Contracts.Domain;

/// <summary>
/// What the parties sign: everything the agreement says, from the accepted round. Serialized
/// canonically (RFC 8785) and hashed; a field added later changes only new agreements' hashes.
/// </summary>
public sealed record AgreementDocument(
    string Type,
    Guid AgreementId,
    Guid NegotiationId,
    AgreementDocument.DatasetPart Dataset,
    Guid ProviderOrganisationId,
    Guid BuyerOrganisationId,
    string Currency,
    decimal PriceKrw,
    AgreementDocument.PricingPart Pricing,
    ContractTerms Terms,
    DateOnly EndDate,
    string GoverningLaw,
    Guid? RenewalOf)
{
    public sealed record DatasetPart(Guid Id, int DatasetVersion, string? TitleKo, string? TitleEn);

    /// <summary>The baseline version the price was checked against and the band it sat in.</summary>
    public sealed record PricingPart(Guid BaselineId, int BaselineVersion, decimal ReferencePriceKrw, decimal BandFloorKrw, decimal BandCeilingKrw, string PricingPurpose);

    public static AgreementDocument Of(Guid agreementId, Negotiation n, DatasetCopy dataset) => new(
        "marketplace-data-provision-agreement/1",
        agreementId,
        n.Id,
        new DatasetPart(n.DatasetId, n.DatasetVersion, dataset.TitleKo, dataset.TitleEn),
        n.ProviderOrganisationId,
        n.BuyerOrganisationId,
        "KRW",
        n.PriceKrw,
        new PricingPart(n.Check.BaselineId, n.Check.BaselineVersion, n.Check.ReferencePriceKrw, n.Check.BandFloorKrw, n.Check.BandCeilingKrw, n.Check.PricingPurpose),
        n.Terms,
        n.Terms.EndDate,
        ContractTerms.GoverningLaw,
        n.RenewalOf);
}
