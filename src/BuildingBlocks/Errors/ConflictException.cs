namespace Marketplace.BuildingBlocks.Errors;

/// <summary>The request is valid but the resource is not in a state that allows it (409).</summary>
public sealed class ConflictException(string message) : DomainException(message);
