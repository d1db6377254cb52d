namespace Marketplace.BuildingBlocks.ServiceDefaults;

/// <summary>What a module's OpenAPI document says of itself: its title, what it is for, and what each tag groups.</summary>
public sealed record ApiDocument(string Title, string Description, IReadOnlyDictionary<string, string> Tags);
