namespace Marketplace.Gateway;

/// <summary><c>Marketplace:Gateway</c>: where services listen (microservices mode) and the limits at the edge.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Marketplace:Gateway";

    /// <summary>The modules behind the gateway, each with its own API prefix and OpenAPI document.</summary>
    public static readonly string[] Modules = ["catalog", "contracts", "pricing", "identity"];

    /// <summary>
    /// Base address per module name, e.g. <c>catalog = http://127.0.0.1:5101</c>; several, separated by commas, for
    /// replicas the gateway balances itself (<c>http://127.0.0.1:5101,http://127.0.0.1:5111</c>).
    /// </summary>
    public Dictionary<string, string> Services { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often the gateway asks each replica of a service it balances whether it is ready.</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Largest request body accepted (413 beyond). The marketplace holds metadata only.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest a request may take before the gateway answers 504.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Per module (its <c>/api/{module}/**</c> routes, and <c>/connect/**</c> and <c>/account/**</c> for
    /// identity), a timeout replacing <see cref="RequestTimeout"/>, e.g. <c>identity = 00:00:10</c>.
    /// </summary>
    public Dictionary<string, TimeSpan> RouteTimeouts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan TimeoutOf(string module) => RouteTimeouts.TryGetValue(module, out var timeout) ? timeout : RequestTimeout;

    /// <summary>Browser origins allowed to call the API (CORS); none by default.</summary>
    public string[] CorsOrigins { get; set; } = [];
}

/// <summary>A token bucket per API client (per IP address for anonymous callers).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Burst: requests a client may make at once.</summary>
    public int TokenLimit { get; set; } = 200;

    public int TokensPerPeriod { get; set; } = 100;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
