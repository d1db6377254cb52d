namespace Marketplace.BuildingBlocks.Errors;

/// <summary>A failure the caller caused or can act on; mapped to a 4xx problem+json, never a 500.</summary>
public abstract class DomainException(string message) : Exception(message);
