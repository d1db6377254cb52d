using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>What the console logs say: one line per entry, the correlation id on each, nothing a client can forge.</summary>
public sealed partial class LogTests(LogTests.VerboseHost verbose) : IClassFixture<LogTests.VerboseHost>
{
    /// <summary>One all-in-one process logging at debug level, shared by the tests that read text lines.</summary>
    public sealed class VerboseHost : IAsyncLifetime
    {
        public HostProcess Host { get; } = StartVerbose(new Dictionary<string, string>());

        public Task InitializeAsync() => Host.WaitUntilHealthyAsync();

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    [Fact]
    public async Task Every_request_line_carries_the_correlation_id_and_a_newline_in_a_value_cannot_start_a_line()
    {
        var host = verbose.Host;
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/datasets/x%0Aforged%20line%0D%0Aforged");
        request.Headers.Add("X-Correlation-Id", "log-check-1");

        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(request)).StatusCode);

        var lines = await Eventually.GetAsync(() => Task.FromResult<string[]?>(
            host.Output.Split('\n').Where(l => l.Contains("log-check-1")).ToArray() is { Length: > 0 } found ? found : null),
            TimeSpan.FromSeconds(30), "a log line of the request");
        Assert.All(lines, l => Assert.Contains("CorrelationId=log-check-1", l));
        Assert.DoesNotContain(host.Output.Split('\n'), l => l.StartsWith("forged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_json_format_writes_one_json_object_per_line_with_the_correlation_id_as_a_field()
    {
        await using var host = StartVerbose(new Dictionary<string, string> { ["Logging:Console:FormatterName"] = "json" });
        await host.WaitUntilHealthyAsync();
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/taxonomy");
        request.Headers.Add("X-Correlation-Id", "log-check-2");
        (await client.SendAsync(request)).EnsureSuccessStatusCode();

        var line = await Eventually.GetAsync(() => Task.FromResult(host.Output.Split('\n').FirstOrDefault(l => l.Contains("log-check-2"))),
            TimeSpan.FromSeconds(30), "a log line of the request");
        using var entry = JsonDocument.Parse(line);
        Assert.Contains(entry.RootElement.GetProperty("Scopes").EnumerateArray(),
            s => s.TryGetProperty("CorrelationId", out var id) && id.GetString() == "log-check-2");
    }

    [Fact]
    public async Task A_sign_in_with_pkce_leaves_no_verifier_code_password_or_token_in_the_logs()
    {
        // At debug level: the strictest reading of what is written.
        var host = verbose.Host;
        using var anonymous = host.CreateClient();
        var registered = await Organisations.RegisterAsync(anonymous, "buyer", verifyingAdmin: null);
        var password = $"pw-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await People.AcceptInvitationAsync(registered.InvitationUrl, "Log Check", password)).StatusCode);
        using var browser = People.Browser(host.BaseAddress!);

        var (code, verifier) = await People.AuthorizeAsync(browser, registered.ContactEmail, password);
        var redeemed = await People.RedeemAsync(browser, code, verifier, People.SwaggerRedirect(host.BaseAddress!));
        var token = (await redeemed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;

        foreach (var secret in new[] { verifier, code, password, registered.ClientSecret, token })
        {
            Assert.DoesNotContain(secret, host.Output);
        }
    }

    [Fact]
    public async Task A_queue_that_cannot_receive_says_which_and_why_while_the_bus_tries_again()
    {
        // A virtual host the broker does not have: the bus cannot start, and used to retry without a word above debug.
        var missing = new UriBuilder(TestServices.RabbitMq) { Path = $"/t-missing-{Guid.NewGuid():N}" }.Uri.ToString();
        await using var host = StartVerbose(new Dictionary<string, string>
        {
            ["Marketplace:Bus:Transport"] = "RabbitMq",
            ["Marketplace:Bus:RabbitMqUri"] = missing,
        });
        await host.WaitUntilHealthyAsync("/health/live");

        // A module consumer's queue (the bus's own temporary endpoint faults too, and may say so first).
        var line = await Eventually.GetAsync(() => Task.FromResult(host.Output.Split('\n').FirstOrDefault(l => l.Contains("is not receiving")
                && ModuleQueue().IsMatch(l))),
            TimeSpan.FromSeconds(60), "a warning about a module's queue that is not receiving");
        Assert.Contains(" warn ", line);
        Assert.Matches(ModuleQueue(), line);
        Assert.Contains("RabbitMqConnectionException", line);
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [GeneratedRegex("The queue rabbitmq://[^ ]+/t-missing-[0-9a-f]{32}/(catalog|contracts|pricing|identity)-[a-z-]+ is not receiving")]
    private static partial Regex ModuleQueue();

    private static HostProcess StartVerbose(Dictionary<string, string> configuration)
    {
        configuration["Logging:LogLevel:Marketplace.BuildingBlocks.ServiceDefaults.CorrelationIdMiddleware"] = "Debug";
        configuration["Marketplace:DataFolder"] = Directory.CreateTempSubdirectory("marketplace-logs-").FullName;
        configuration["Marketplace:Demo:Seed"] = "false";
        return HostProcess.Start("all", configuration);
    }
}
