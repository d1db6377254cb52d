namespace Marketplace.Catalog.Domain;

/// <summary>An organisation a restricted dataset is visible to.</summary>
public sealed record DatasetAccess(Guid DatasetId, Guid OrganisationId);
