namespace Marketplace.Catalog.Domain;

/// <summary>An organisation a restricted listing is visible to.</summary>
public sealed record DatasetAccess(Guid DatasetId, Guid OrganisationId);
