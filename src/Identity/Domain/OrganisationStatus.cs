namespace Marketplace.Identity.Domain;

public enum OrganisationStatus
{
    /// <summary>Registered; may sign in, may not publish listings or negotiate.</summary>
    Pending,
    Verified,
    Rejected,
}
