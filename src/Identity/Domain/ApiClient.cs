namespace Marketplace.Identity.Domain;

/// <summary>
/// An organisation's machine credential. The secret itself is kept, hashed, by OpenIddict's application
/// store under the same client id; this row ties the client to its organisation and records revocation.
/// </summary>
public sealed class ApiClient
{
    public string ClientId { get; init; } = "";

    public Guid OrganisationId { get; init; }

    public string Name { get; init; } = "";

    /// <summary>May invite people and manage the organisation's API clients (the registration's first client is).</summary>
    public bool IsOrganisationAdmin { get; init; }

    /// <summary>Set for a Dataspace Protocol connector's client (<see cref="Domain.Connector"/>).</summary>
    public Connector? Connector { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? RevokedAt { get; set; }
}
