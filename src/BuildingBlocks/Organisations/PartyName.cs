namespace Marketplace.BuildingBlocks.Organisations;

/// <summary>An organisation as people read it in a response: its id and its Korean and English names (null until known).</summary>
public sealed record PartyName(Guid Id, string? NameKo, string? NameEn);
