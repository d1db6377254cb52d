using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace Marketplace.Gateway;

/// <summary>
/// The gateway's routing table in microservices mode: the same paths the modules map in-process in
/// all-in-one mode, so clients see identical URLs in both modes.
/// </summary>
public static class ProxyRoutes
{
    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) Build(GatewayOptions options)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        foreach (var module in GatewayOptions.Modules)
        {
            if (!options.Services.TryGetValue(module, out var address) || string.IsNullOrWhiteSpace(address))
            {
                throw new InvalidOperationException(
                    $"The gateway needs the address of the {module} service: set {GatewayOptions.Section}:Services:{module}.");
            }

            clusters.Add(Cluster(module, address, options));
            routes.Add(Route($"{module}-api", module, $"/api/{module}/{{**rest}}", SignedIn));
            routes.Add(Route($"{module}-openapi", module, $"/openapi/{module}.json", Anonymous));
        }

        // Public: browsing the catalog, registering an organisation, Identity's OAuth endpoints, sign-in
        // pages and discovery documents, and the keys and vocabulary a provider needs to check grants
        // offline. Matched before the signed-in routes above.
        routes.Add(Route("catalog-browse", "catalog", "/api/catalog/{**rest}", Anonymous, ["GET", "HEAD"]));
        routes.Add(Route("identity-register", "identity", "/api/identity/organisations", Anonymous, ["POST"]));
        routes.Add(Route("identity-connect", "identity", "/connect/{**rest}", Anonymous));
        routes.Add(Route("identity-account", "identity", "/account/{**rest}", Anonymous));
        routes.Add(Route("identity-well-known", "identity", "/.well-known/{**rest}", Anonymous));
        // The Dataspace Protocol's version metadata is Contracts' (a literal path: matched before Identity's catch-all above).
        routes.Add(Route("contracts-dspace-version", "contracts", "/.well-known/dspace-version", Anonymous, ["GET", "HEAD"]));
        routes.Add(Route("contracts-jwks", "contracts", "/api/contracts/jwks", Anonymous, ["GET", "HEAD"]));
        routes.Add(Route("contracts-terms-vocabulary", "contracts", "/api/contracts/terms-vocabulary", Anonymous, ["GET", "HEAD"]));

        // The web console answers every other path (its pages sign people in themselves), after all routes above.
        if (ForwardsConsole(options))
        {
            clusters.Add(Cluster(Console, options.Services[Console], options));
            routes.Add(Route("web-console", Console, "/{**rest}", Anonymous) with { Order = int.MaxValue });
        }

        return (routes, clusters);
    }

    /// <summary>
    /// A service's destinations: one address (a Kubernetes Service, which balances its pods itself), or several,
    /// separated by commas (replicas the gateway balances): then an active check of each replica's <c>/health/ready</c>
    /// takes one that fails twice out of the rotation until it answers again (a draining replica answers 503 first,
    /// see <see cref="Marketplace.BuildingBlocks.Hosting.MarketplaceOptions.DrainDelay"/>), and a passive check does the
    /// same on connection failures.
    /// </summary>
    private static ClusterConfig Cluster(string service, string addresses, GatewayOptions options)
    {
        var replicas = addresses.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ClusterConfig
        {
            ClusterId = service,
            Destinations = replicas.Select((address, i) => (Name: replicas.Length == 1 ? service : $"{service}-{i + 1}", Address: address))
                .ToDictionary(d => d.Name, d => new DestinationConfig { Address = d.Address }),
            // A service silent for the module's timeout gets the caller a 504 from YARP.
            HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = options.TimeoutOf(service) },
            // In turn, so consecutive requests of one client meet different replicas (what they share is then proven).
            LoadBalancingPolicy = replicas.Length == 1 ? null : LoadBalancingPolicies.RoundRobin,
            HealthCheck = replicas.Length == 1 ? null : new HealthCheckConfig
            {
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = options.HealthCheckInterval,
                    Timeout = options.HealthCheckInterval,
                    Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                    Path = "/health/ready",
                },
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true,
                    Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                    ReactivationPeriod = options.HealthCheckInterval * 2,
                },
                AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
            },
        };
    }

    /// <summary>The web console's service name (<c>Marketplace:Gateway:Services:web</c>); optional.</summary>
    public const string Console = "web";

    public static bool ForwardsConsole(GatewayOptions options) =>
        options.Services.TryGetValue(Console, out var address) && !string.IsNullOrWhiteSpace(address);

    // "default" is ASP.NET Core's default policy (a signed-in caller). The gateway rejects unsigned
    // requests early; the services still authenticate and authorise every request themselves.
    private const string SignedIn = "default";
    private const string Anonymous = "anonymous";

    private static RouteConfig Route(string id, string cluster, string path, string policy, string[]? methods = null) => new()
    {
        RouteId = id,
        ClusterId = cluster,
        // Forwarded requests are timed by the cluster's activity timeout instead (see Build): when the
        // middleware cancels a forwarded request, YARP reports a cancelled request (400), not a timeout.
        TimeoutPolicy = "Disable",
        Match = new RouteMatch { Path = path, Methods = methods },
        AuthorizationPolicy = policy,
        Order = policy == Anonymous ? -1 : 0,
    };
}
