namespace Marketplace.Gateway;

/// <summary><c>Marketplace:Gateway</c>: where each service listens in microservices mode.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Marketplace:Gateway";

    /// <summary>The modules behind the gateway, each with its own API prefix and OpenAPI document.</summary>
    public static readonly string[] Modules = ["catalog", "contracts", "pricing", "identity"];

    /// <summary>Base address per module name, e.g. <c>catalog = http://127.0.0.1:5101</c>.</summary>
    public Dictionary<string, string> Services { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
