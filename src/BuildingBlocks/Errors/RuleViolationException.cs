namespace Marketplace.BuildingBlocks.Errors;

/// <summary>A well-formed request that breaks a business rule (422).</summary>
public sealed class RuleViolationException(string message) : DomainException(message);
