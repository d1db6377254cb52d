namespace Marketplace.BuildingBlocks.Errors;

/// <summary>The request is valid but the resource is not in a state that allows it, or another one holds what it asks for (409).</summary>
public sealed class ConflictException(string message, string? field = null) : DomainException(message)
{
    /// <summary>The member whose value conflicts (a registration number already taken), when one is to blame.</summary>
    public string? Field { get; } = field is null ? null : MemberPath.Of(field);
}
