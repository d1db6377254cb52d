using Npgsql;

namespace Marketplace.TestSupport;

/// <summary>
/// Microservices mode on one machine, as <c>scripts/run-microservices.sh</c> runs it: every module in
/// its own process on PostgreSQL and RabbitMQ, and the gateway in front. Each cluster gets its own
/// databases and RabbitMQ virtual host, so clusters never see each other's data or messages.
/// </summary>
public sealed class MicroservicesCluster : IAsyncDisposable
{
    public static readonly string[] ServiceTargets = ["catalog", "contracts", "pricing", "identity"];

    /// <summary>The administrator client Identity creates at start-up (Marketplace:Identity:BootstrapAdmin).</summary>
    public const string AdminClientId = "test-admin";

    public const string AdminClientSecret = "test-admin-secret";

    private readonly Dictionary<string, HostProcess> _services;

    private MicroservicesCluster(Dictionary<string, HostProcess> services, HostProcess gateway, string postgres, string rabbitMqUri, string prefix)
    {
        _services = services;
        Gateway = gateway;
        Postgres = postgres;
        RabbitMqUri = rabbitMqUri;
        DatabasePrefix = prefix;
    }

    public HostProcess Gateway { get; }

    public string Postgres { get; }

    public string RabbitMqUri { get; }

    public string DatabasePrefix { get; }

    public HostProcess Service(string target) => _services[target];

    public string ConnectionString(string module) =>
        new NpgsqlConnectionStringBuilder(Postgres) { Database = $"{DatabasePrefix}_{module}" }.ConnectionString;

    /// <param name="withConsole">Also run the web console as its own service, which the gateway forwards every other path to.</param>
    /// <param name="settings">Further settings of every module service (e.g. <c>Marketplace:Bus:QuorumQueues</c>).</param>
    public static async Task<MicroservicesCluster> StartAsync(
        string? postgres = null, string? rabbitMqUri = null, bool withConsole = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        postgres ??= TestServices.Postgres;
        rabbitMqUri ??= await TestServices.NewRabbitMqVirtualHostAsync();
        var prefix = $"c{Guid.NewGuid():N}"[..12];

        var services = new Dictionary<string, HostProcess>();
        var identityPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        // Tokens name the gateway, the only address clients know; services fetch keys from Identity directly.
        var issuer = $"http://127.0.0.1:{gatewayPort}";
        var dataFolder = Directory.CreateTempSubdirectory("marketplace-cluster-").FullName;
        try
        {
            foreach (var target in ServiceTargets)
            {
                services[target] = HostProcess.Start(target, new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
                {
                    ["Marketplace:Database:Postgres"] = postgres,
                    [$"ConnectionStrings:{target}"] = new NpgsqlConnectionStringBuilder(postgres) { Database = $"{prefix}_{target}" }.ConnectionString,
                    ["Marketplace:Bus:RabbitMqUri"] = rabbitMqUri,
                    ["Marketplace:Identity:Authority"] = $"http://127.0.0.1:{identityPort}",
                    ["Marketplace:Identity:Issuer"] = issuer,
                    ["Marketplace:Identity:BootstrapAdmin:ClientId"] = AdminClientId,
                    ["Marketplace:Identity:BootstrapAdmin:ClientSecret"] = AdminClientSecret,
                    ["Marketplace:DataFolder"] = dataFolder,
                }, port: target == "identity" ? identityPort : null);
            }

            if (withConsole)
            {
                // Two replicas of the console, which know only the public address (the gateway: API calls and sign-ins go
                // there) and share their sessions in PostgreSQL and their key ring in the data folder. The gateway sends
                // them requests in turn, so a person's every second page comes from the other replica.
                foreach (var replica in new[] { "web", "web-2" })
                {
                    services[replica] = HostProcess.Start("web", new Dictionary<string, string>
                    {
                        ["Marketplace:Identity:Issuer"] = issuer,
                        ["Marketplace:DataFolder"] = dataFolder,
                        ["Marketplace:Web:SessionStore"] = "Postgres",
                        ["ConnectionStrings:web"] = new NpgsqlConnectionStringBuilder(postgres) { Database = $"{prefix}_web" }.ConnectionString,
                    });
                }
            }

            await Task.WhenAll(services.Values.Select(s => s.WaitUntilHealthyAsync()));

            var gatewayConfig = services.Where(s => s.Key != "web-2").ToDictionary(s => $"Marketplace:Gateway:Services:{s.Key}", s => s.Value.BaseAddress!.ToString());
            if (withConsole)
            {
                gatewayConfig["Marketplace:Gateway:Services:web"] = $"{services["web"].BaseAddress},{services["web-2"].BaseAddress}";
            }

            gatewayConfig["Marketplace:Identity:Authority"] = $"http://127.0.0.1:{identityPort}";
            gatewayConfig["Marketplace:Identity:Issuer"] = issuer;
            var gateway = HostProcess.Start("gateway", gatewayConfig, port: gatewayPort);
            services["gateway"] = gateway;
            await gateway.WaitUntilHealthyAsync();
            services.Remove("gateway");
            return new MicroservicesCluster(services, gateway, postgres, rabbitMqUri, prefix);
        }
        catch
        {
            foreach (var service in services.Values)
            {
                await service.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Registers an organisation with <paramref name="role"/> through the gateway, verifies it as the administrator, and signs in as it.</summary>
    public async Task<HttpClient> RegisterVerifiedAsync(string role)
    {
        using var anonymous = Gateway.CreateClient();
        using var admin = await Tokens.SignedInAsync(Gateway.BaseAddress!, AdminClientId, AdminClientSecret);
        var credentials = await Organisations.RegisterAsync(anonymous, role, admin);
        return await Tokens.SignedInAsync(Gateway.BaseAddress!, credentials.ClientId, credentials.ClientSecret);
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var service in _services.Values)
        {
            await service.DisposeAsync();
        }
    }
}
