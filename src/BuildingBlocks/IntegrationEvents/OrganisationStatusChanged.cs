namespace Marketplace.BuildingBlocks.IntegrationEvents;

/// <summary>
/// An administrator verified, rejected, suspended or reinstated an organisation. Every module keeps the
/// barred ones (<paramref name="Barred"/>: rejected or suspended) and refuses their tokens at once, without
/// waiting for the tokens to expire; and every module keeps the names (<paramref name="NameKo"/>,
/// <paramref name="NameEn"/>; absent from events written before they were added) to name parties to people.
/// </summary>
public sealed record OrganisationStatusChanged(
    Guid OrganisationId, string Status, bool Barred, DateTime ChangedAt, string? NameKo = null, string? NameEn = null) : IIntegrationEvent;
