namespace Marketplace.Identity.Domain;

/// <summary>Pending → Verified or Rejected; a verified organisation may be suspended and reinstated.</summary>
public enum OrganisationStatus
{
    /// <summary>Registered; may sign in, may not publish datasets or negotiate.</summary>
    Pending,
    Verified,

    /// <summary>Refused at registration: no tokens, and every module refuses tokens it still has.</summary>
    Rejected,

    /// <summary>Taken off the marketplace by an administrator until reinstated: treated as rejected meanwhile.</summary>
    Suspended,
}
