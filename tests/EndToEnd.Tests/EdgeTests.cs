using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.EndToEnd.Tests;

/// <summary>The gateway's edge (all-in-one, where the gateway runs in the same process as the modules, and alone in front of services).</summary>
public sealed class EdgeTests
{
    [Fact]
    public async Task A_client_past_its_burst_gets_429_with_retry_after_while_other_clients_go_on()
    {
        await using var host = HostProcess.Start("all", new Dictionary<string, string>
        {
            ["Marketplace:Gateway:RateLimit:TokenLimit"] = "3",
            ["Marketplace:Gateway:RateLimit:TokensPerPeriod"] = "1",
            ["Marketplace:Gateway:RateLimit:ReplenishmentPeriod"] = "00:01:00",
            ["Marketplace:DataFolder"] = Directory.CreateTempSubdirectory("marketplace-edge-").FullName,
        });
        await host.WaitUntilHealthyAsync();
        using var anonymous = host.CreateClient();
        // The token request is the anonymous caller's first of three.
        using var provider = await Tokens.DemoAsync(host.BaseAddress!, "demo-provider-x");

        var url = $"/api/catalog/datasets/{Guid.NewGuid()}";
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        var limited = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After names a wait");
        // A caller cannot pose as another address: X-Forwarded-For counts only from a configured proxy.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, url);
        spoofed.Headers.Add("X-Forwarded-For", "203.0.113.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.SendAsync(spoofed)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Oversized_bodies_get_413_and_every_response_carries_a_correlation_id()
    {
        await using var host = HostProcess.Start("all", new Dictionary<string, string>
        {
            ["Marketplace:Gateway:MaxRequestBodyBytes"] = "1024",
            ["Marketplace:DataFolder"] = Directory.CreateTempSubdirectory("marketplace-edge-").FullName,
        });
        await host.WaitUntilHealthyAsync();
        using var provider = await Tokens.DemoAsync(host.BaseAddress!, "demo-provider-x");

        var tooLarge = await provider.PostAsJsonAsync("/api/catalog/datasets", new { titleEn = new string('x', 2048) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);
        Assert.Equal(413, (await tooLarge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Correlation-Id", "order-4711");
        var echoed = await provider.SendAsync(request);
        Assert.Equal("order-4711", Assert.Single(echoed.Headers.GetValues("X-Correlation-Id")));
        var generated = await provider.GetAsync("/health/live");
        Assert.False(string.IsNullOrEmpty(Assert.Single(generated.Headers.GetValues("X-Correlation-Id"))));
    }

    [Fact]
    public async Task Each_route_gets_its_own_timeout_and_504_when_the_service_behind_never_answers()
    {
        // A "service" that accepts connections and never answers.
        using var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new System.Collections.Concurrent.ConcurrentBag<System.Net.Sockets.TcpClient>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                held.Add(await silent.AcceptTcpClientAsync());
            }
        });
        var address = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        var configuration = MicroservicesCluster.ServiceTargets.ToDictionary(m => $"Marketplace:Gateway:Services:{m}", _ => address);
        configuration["Marketplace:Gateway:RequestTimeout"] = "00:00:05";
        configuration["Marketplace:Gateway:RouteTimeouts:catalog"] = "00:00:01";
        await using var gateway = HostProcess.Start("gateway", configuration);
        await gateway.WaitUntilHealthyAsync();
        using var client = gateway.CreateClient();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var catalog = await client.GetAsync($"/api/catalog/datasets/{Guid.NewGuid()}");
        var catalogTime = clock.Elapsed;
        clock.Restart();
        var identity = await client.GetAsync("/.well-known/openid-configuration");
        var identityTime = clock.Elapsed;

        Assert.Equal(HttpStatusCode.GatewayTimeout, catalog.StatusCode);
        Assert.Equal(HttpStatusCode.GatewayTimeout, identity.StatusCode);
        Assert.InRange(catalogTime, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(4));
        Assert.InRange(identityTime, TimeSpan.FromSeconds(4.9), TimeSpan.FromSeconds(15));
        foreach (var connection in held)
        {
            connection.Dispose();
        }
    }
}
