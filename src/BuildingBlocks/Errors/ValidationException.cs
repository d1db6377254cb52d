namespace Marketplace.BuildingBlocks.Errors;

/// <summary>Malformed input, with the offending fields named (400).</summary>
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
