namespace Marketplace.BuildingBlocks.Organisations;

/// <summary>
/// A module's copy of an organisation's names (from Identity's <c>OrganisationStatusChanged</c>), so that wherever a
/// person reads a party — search results, DCAT, negotiations, the agreement text — it is named, not a UUID.
/// </summary>
public sealed class OrganisationName
{
    public Guid OrganisationId { get; set; }

    public string? NameKo { get; set; }

    public string? NameEn { get; set; }
}
