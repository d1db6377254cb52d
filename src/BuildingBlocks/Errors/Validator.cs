namespace Marketplace.BuildingBlocks.Errors;

/// <summary>Collects field errors for one request and throws them together.</summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public Validator Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            field = MemberPath.Of(field);
            if (!_errors.TryGetValue(field, out var messages))
            {
                _errors[field] = messages = [];
            }

            messages.Add(message);
        }

        return this;
    }

    public Validator MaxLength(string? value, int max, string field) =>
        Require(value is null || value.Length <= max, field, $"Must be at most {max} characters.");

    /// <summary>Malformed input: 400 naming every field.</summary>
    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new ValidationException(Errors());
        }
    }

    /// <summary>Well-formed input that a business rule refuses: 422 naming every field.</summary>
    public void ThrowIfBroken(string rule)
    {
        if (_errors.Count > 0)
        {
            throw new RuleViolationException(rule, Errors());
        }
    }

    private Dictionary<string, string[]> Errors() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
