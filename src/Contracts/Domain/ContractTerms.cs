namespace Marketplace.Contracts.Domain;

/// <summary>
/// The standard data-provision terms of a negotiation, as structured fields (their codes are in
/// <see cref="TermsVocabulary"/>). Governing law is always the Republic of Korea.
/// </summary>
/// <param name="Purposes">Purpose codes of the catalog taxonomy the data may be used for.</param>
/// <param name="Scope">Scope of use in the parties' words (who inside the buyer uses it, for what).</param>
/// <param name="Territory">ISO 3166-1 alpha-2 codes of where the data may be used.</param>
/// <param name="Redistribution"><c>never</c> or <c>derived-products-only</c>.</param>
/// <param name="DeletionDays">The buyer deletes the data within this many days after the agreement ends.</param>
/// <param name="LiabilityCapKrw">Each party's liability is capped at this amount.</param>
public sealed record ContractTerms(
    string[] Purposes,
    string Scope,
    DateOnly StartDate,
    int DurationMonths,
    string[] Territory,
    string Redistribution,
    bool DerivativeWorks,
    string[] SecurityMeasures,
    int DeletionDays,
    decimal LiabilityCapKrw,
    bool Exclusive,
    string DisputeResolution)
{
    public const string GoverningLaw = "KR";

    public DateOnly EndDate => StartDate.AddMonths(DurationMonths);
}
