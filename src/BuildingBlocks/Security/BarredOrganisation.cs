namespace Marketplace.BuildingBlocks.Security;

/// <summary>A module's copy of an organisation an administrator rejected or suspended (from <c>OrganisationStatusChanged</c>).</summary>
public sealed class BarredOrganisation
{
    public Guid OrganisationId { get; set; }

    public string Status { get; set; } = "";

    public DateTime Since { get; set; }
}
