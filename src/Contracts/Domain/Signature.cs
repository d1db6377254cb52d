namespace Marketplace.Contracts.Domain;

/// <summary>A party's signature: the organisation, the signed-in subject who acted for it, and when, over the agreement's hash.</summary>
public sealed record Signature(Guid OrganisationId, string Subject, DateTime At);
