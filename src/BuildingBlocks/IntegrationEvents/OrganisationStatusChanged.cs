namespace Marketplace.BuildingBlocks.IntegrationEvents;

/// <summary>
/// An administrator verified, rejected, suspended or reinstated an organisation. Every module keeps the
/// barred ones (<paramref name="Barred"/>: rejected or suspended) and refuses their tokens at once, without
/// waiting for the tokens to expire.
/// </summary>
public sealed record OrganisationStatusChanged(Guid OrganisationId, string Status, bool Barred, DateTime ChangedAt) : IIntegrationEvent;
