namespace Marketplace.BuildingBlocks.Errors;

/// <summary>A well-formed request that breaks a business rule (422), naming the fields to blame when there are any.</summary>
public sealed class RuleViolationException : DomainException
{
    public RuleViolationException(string message, string? field = null)
        : base(message) =>
        Errors = field is null ? new Dictionary<string, string[]>() : new Dictionary<string, string[]> { [MemberPath.Of(field)] = [message] };

    public RuleViolationException(string message, IReadOnlyDictionary<string, string[]> errors)
        : base(message) =>
        Errors = errors;

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
