namespace Marketplace.BuildingBlocks.Errors;

/// <summary>A well-formed request that breaks a business rule (422), naming the field when one is to blame.</summary>
public sealed class RuleViolationException(string message, string? field = null) : DomainException(message)
{
    public string? Field { get; } = field;
}
