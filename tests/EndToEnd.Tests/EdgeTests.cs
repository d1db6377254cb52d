using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Marketplace.EndToEnd.Tests;

/// <summary>The gateway's edge (all-in-one, where the gateway runs in the same process as the modules, and alone in front of services).</summary>
[RunsAbout(75)]
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
    public async Task Guessing_a_client_secret_is_stopped_with_429_while_the_client_itself_and_others_go_on()
    {
        await using var host = HostProcess.Start("all", new Dictionary<string, string>
        {
            ["Marketplace:Identity:TokenServer:FailureBurst"] = "5",
            ["Marketplace:Identity:TokenServer:FailureReplenishment"] = "00:10:00",
            ["Marketplace:DataFolder"] = Directory.CreateTempSubdirectory("marketplace-edge-").FullName,
        });
        await host.WaitUntilHealthyAsync();
        using var anonymous = host.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++)
        {
            answers.Add(await Tokens.RequestRawAsync(anonymous, "demo-buyer-b", $"guess-{i}"));
        }

        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized));
        var limited = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(7, limited.Count);
        Assert.All(limited, a => Assert.True(a.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After names a wait"));
        Assert.Equal("application/problem+json", limited[0].Content.Headers.ContentType?.MediaType);
        // Another client from the same address goes on: an address may fail five times as often as a client
        // (a guesser rotating client ids is stopped there).
        Assert.Equal(HttpStatusCode.OK, (await Tokens.RequestRawAsync(anonymous, "demo-buyer-a", "demo-buyer-a-secret")).StatusCode);
        for (var i = 0; i < 25; i++)
        {
            await Tokens.RequestRawAsync(anonymous, $"no-such-client-{i}", "guess");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Tokens.RequestRawAsync(anonymous, "demo-buyer-a", "demo-buyer-a-secret")).StatusCode);
    }

    [Fact]
    public async Task Access_tokens_live_as_long_as_configured_and_expired_ones_are_pruned()
    {
        var folder = Directory.CreateTempSubdirectory("marketplace-edge-").FullName;
        await using var host = HostProcess.Start("all", new Dictionary<string, string>
        {
            ["Marketplace:Identity:TokenServer:AccessTokenLifetime"] = "00:00:02",
            ["Marketplace:Identity:TokenServer:PruneInterval"] = "00:00:01",
            ["Marketplace:Identity:TokenServer:PruneMinimumAge"] = "00:00:00",
            ["Marketplace:DataFolder"] = folder,
        });
        await host.WaitUntilHealthyAsync();
        using var anonymous = host.CreateClient();
        var token = await Tokens.RequestAsync(anonymous, "demo-buyer-a", "demo-buyer-a-secret");
        var lifetime = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().ReadJsonWebToken(token);
        Assert.Equal(TimeSpan.FromSeconds(2), lifetime.ValidTo - lifetime.IssuedAt);

        // Once expired, the token's row goes: the table does not grow with every token ever issued.
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "identity.db")};Mode=ReadOnly;Pooling=False");
            await db.OpenAsync();
            await using var count = db.CreateCommand();
            count.CommandText = "SELECT count(*) FROM OpenIddictTokens";
            return (long)(await count.ExecuteScalarAsync())! == 0;
        }, TimeSpan.FromSeconds(60), "expired tokens to be pruned");
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

    /// <summary>
    /// One gateway in front of services that misbehave: a silent one (timeouts), and for pricing two replicas of which one
    /// is down (nothing listens) and the other answers.
    /// </summary>
    [Fact]
    public async Task Each_route_gets_its_own_timeout_and_a_service_with_replicas_is_served_by_those_that_answer()
    {
        await using var pricingReplica = await AnsweringServiceAsync();
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
        configuration["Marketplace:Gateway:Services:pricing"] = $"http://127.0.0.1:{FreePort.Next()}, {pricingReplica.Urls.Single()}";
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
        // Each route waited at least its own timeout, and the shorter one answered first: no upper bound that a
        // loaded machine could break.
        Assert.True(catalogTime >= TimeSpan.FromSeconds(0.9), $"catalog answered after {catalogTime}");
        Assert.True(identityTime >= TimeSpan.FromSeconds(4.9), $"identity answered after {identityTime}");
        Assert.True(catalogTime < identityTime, $"the catalog route's 1 s timeout took {catalogTime}, the default 5 s took {identityTime}");
        foreach (var connection in held)
        {
            connection.Dispose();
        }

        // The replica that is down is taken out of the rotation (connection refused, failed health checks): then
        // every request is served. Without health checks every other request would be a 502.
        await Eventually.HoldsAsync(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                if ((await client.GetAsync("/openapi/pricing.json")).StatusCode != HttpStatusCode.OK)
                {
                    return false;
                }
            }

            return true;
        }, TimeSpan.FromSeconds(30), "twenty requests in a row to reach the pricing replica that answers");
    }

    /// <summary>A stand-in service on a free loopback port that answers every GET with 200 (its health checks too).</summary>
    private static async Task<WebApplication> AnsweringServiceAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePort.Next()}");
        var app = builder.Build();
        app.MapGet("/{**path}", () => Results.Json(new { }));
        await app.StartAsync();
        return app;
    }
}
