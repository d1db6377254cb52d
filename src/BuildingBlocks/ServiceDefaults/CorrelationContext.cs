namespace Marketplace.BuildingBlocks.ServiceDefaults;

/// <summary>
/// The correlation id of the work in progress: set for an HTTP request by <see cref="CorrelationIdMiddleware"/>
/// and for a consumed message by the inbox, so events written meanwhile carry it on.
/// </summary>
public static class CorrelationContext
{
    private static readonly AsyncLocal<string?> Value = new();

    public static string? Current
    {
        get => Value.Value;
        set => Value.Value = value;
    }
}
