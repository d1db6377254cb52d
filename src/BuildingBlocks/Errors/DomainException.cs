namespace Marketplace.BuildingBlocks.Errors;

/// <summary>A failure the caller caused or can act on; mapped to a 4xx problem+json, never a 500.</summary>
public abstract class DomainException(string message) : Exception(message)
{
    /// <summary>Extra members of the problem document (e.g. the current state, the allowed band), so a client can act without another call.</summary>
    public IDictionary<string, object?> Details { get; } = new Dictionary<string, object?>();

    public DomainException With(string member, object? value)
    {
        Details[member] = value;
        return this;
    }
}
