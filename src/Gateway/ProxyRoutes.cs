using Yarp.ReverseProxy.Configuration;

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

            clusters.Add(new ClusterConfig
            {
                ClusterId = module,
                Destinations = new Dictionary<string, DestinationConfig> { [module] = new() { Address = address } },
            });
            routes.Add(Route($"{module}-api", module, $"/api/{module}/{{**rest}}"));
            routes.Add(Route($"{module}-openapi", module, $"/openapi/{module}.json"));
        }

        // The OAuth endpoints and discovery documents belong to Identity.
        routes.Add(Route("identity-connect", "identity", "/connect/{**rest}"));
        routes.Add(Route("identity-well-known", "identity", "/.well-known/{**rest}"));
        return (routes, clusters);
    }

    // The services authenticate and authorise every request themselves; the gateway only forwards.
    private static RouteConfig Route(string id, string cluster, string path) =>
        new() { RouteId = id, ClusterId = cluster, Match = new RouteMatch { Path = path }, AuthorizationPolicy = "anonymous" };
}
