using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.BuildingBlocks.Hosting;
using Xunit.Abstractions;

namespace Marketplace.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Thousands of seeded, generated hostile requests across every operation of the four OpenAPI documents, sent
/// with real tokens of fitting roles, plus hostile forms to the token server and sign-in page. Fails on any
/// 5xx and on any error body that is not problem+json (OAuth endpoints answer their own JSON errors).
/// </summary>
public abstract class FuzzTests(AllInOneMarketplace market, ITestOutputHelper output)
{
    private const int Seed = 20261130;
    private const int ApiRequests = 3_000;
    private const int FormRequests = 300;

    [Fact]
    public async Task Generated_hostile_requests_get_no_5xx_and_every_error_is_problem_json()
    {
        var callers = new Dictionary<string, HttpClient> { ["anonymous"] = market.Host.CreateClient() };
        foreach (var demo in new[] { "demo-admin", "demo-provider-x", "demo-buyer-a" })
        {
            callers[demo] = await Tokens.DemoAsync(market.BaseAddress, demo);
        }

        var operations = new List<OpenApiFuzzer.Operation>();
        foreach (var module in new[] { "catalog", "contracts", "pricing", "identity" })
        {
            var document = await callers["anonymous"].GetFromJsonAsync<JsonElement>($"/openapi/{module}.json");
            operations.AddRange(OpenApiFuzzer.Operations(document));
        }

        var knownIds = await KnownIdsAsync(callers);
        var examples = ExampleRequests.Bodies(knownIds[0]);
        var results = new ConcurrentBag<(string Operation, int Status, string? MediaType, string Body)>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < ApiRequests + FormRequests)
            {
                var random = new Random(Seed + i);
                var (name, request, caller) = i < ApiRequests
                    ? Api(operations[i % operations.Count], random, knownIds, examples)
                    : Form(random);
                using (request)
                using (var response = await callers[caller].SendAsync(request))
                {
                    var body = await response.Content.ReadAsStringAsync();
                    results.Add((name, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body.Length > 300 ? body[..300] : body));
                }
            }
        }));

        foreach (var group in results.GroupBy(r => r.Status).OrderBy(g => g.Key))
        {
            output.WriteLine($"{group.Key}: {group.Count()}");
        }

        output.WriteLine($"{results.Count} requests over {operations.Count} operations and 3 form endpoints, seed {Seed}");
        var bad = results.Where(r => r.Status >= 500 || (r.Status >= 400 && r.Body.Length > 0 && !IsProblem(r.Operation, r.MediaType, r.Body))).ToList();
        foreach (var group in bad.GroupBy(r => $"{r.Operation} → {r.Status} {r.MediaType}").OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"bad: {group.Count()} × {group.Key}");
        }

        if (bad.Any(r => r.Status >= 500))
        {
            // The server's side of each 500, for whoever reads the failure.
            foreach (var line in market.Host.Output.Split('\n').Where(l => l.Contains(" fail ", StringComparison.Ordinal)).Take(5))
            {
                output.WriteLine(line.Length > 3000 ? line[..3000] : line);
            }
        }

        var failures = bad.Select(r => $"{r.Operation} → {r.Status} {r.MediaType}: {r.Body}").ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} bad answers, e.g.:\n{string.Join('\n', failures.Distinct().Take(15))}");
        Assert.Equal(ApiRequests + FormRequests, results.Count);
    }

    private static bool IsProblem(string operation, string? mediaType, string body) =>
        mediaType == "application/problem+json"
        // The token server answers errors as RFC 6749 says: JSON with "error".
        || (operation.Contains("/connect/", StringComparison.Ordinal) && mediaType == "application/json" && body.Contains("\"error\"", StringComparison.Ordinal))
        // The sign-in page is for people: a refused sign-in shows the page again with the reason.
        || (operation == "POST /account/login" && mediaType == "text/html" && body.StartsWith("<!doctype html>", StringComparison.Ordinal));

    private static (string Name, HttpRequestMessage Request, string Caller) Api(
        OpenApiFuzzer.Operation operation, Random random, IReadOnlyList<Guid> knownIds, IReadOnlyDictionary<string, JsonNode> examples)
    {
        var request = new OpenApiFuzzer(random, knownIds, examples).Request(operation);
        return ($"{operation.Method} {operation.Path}", request, random.NextDouble() < 0.1 ? "anonymous" : ExampleRequests.CallerFor(operation.Method, operation.Path));
    }

    /// <summary>Forms to the token server and the sign-in page: NUL and control characters, too many fields, junk.</summary>
    private static (string Name, HttpRequestMessage Request, string Caller) Form(Random random)
    {
        var path = new[] { "/connect/token", "/connect/authorize", "/account/login" }[random.Next(3)];
        var fields = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"), new("client_id", "demo-buyer-a"), new("client_secret", "demo-buyer-a-secret"),
            new("email", "a@b.test"), new("password", "x"), new("returnUrl", "/"),
        };
        var hostile = new[] { "\0", "nul\0byte", "line\nbreak", "\u001b[2J", "\ud800", new string('x', 20_000), "%00", "/\t/evil.example" };
        var broken = random.Next(fields.Count);
        fields[broken] = new(fields[broken].Key, hostile[random.Next(hostile.Length)]);
        if (random.NextDouble() < 0.2)
        {
            fields.AddRange(Enumerable.Range(0, 1100).Select(i => new KeyValuePair<string, string>($"f{i}", "x")));
        }

        var body = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={EscapeLenient(f.Value)}"));
        return ($"POST {path}", new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        }, "anonymous");
    }

    /// <summary>Percent-encodes what it can; a lone surrogate is sent as its (invalid) UTF-8 bytes' escape.</summary>
    private static string EscapeLenient(string value) =>
        value == "\ud800" ? "%ED%A0%80" : Uri.EscapeDataString(value);

    /// <summary>Ids that exist, so some requests reach the object checks and validation behind them.</summary>
    private async Task<IReadOnlyList<Guid>> KnownIdsAsync(Dictionary<string, HttpClient> callers)
    {
        var dataset = await market.DemoDatasetAsync("processStage=production&dataType=sensor-time-series");
        var draft = await DatasetClient.CreateDraftAsync(callers["demo-provider-x"]);
        var price = await NegotiationClient.ReferencePriceAsync(callers["demo-buyer-a"], dataset);
        var negotiation = (await NegotiationClient.OpenAsync(callers["demo-buyer-a"], dataset, price)).GetProperty("id").GetGuid();
        var baselines = await callers["demo-admin"].GetFromJsonAsync<JsonElement>("/api/pricing/baselines");
        var vouchers = await callers["demo-admin"].GetFromJsonAsync<JsonElement>("/api/pricing/vouchers");
        return [dataset, draft.Id, negotiation, DemoOrganisations.BuyerA, DemoOrganisations.ProviderX,
            baselines.GetProperty("items")[0].GetProperty("id").GetGuid(), vouchers.GetProperty("items")[0].GetProperty("id").GetGuid()];
    }
}

/// <summary>The all-in-one marketplace with the edge's rate limits lifted, so the fuzzer's requests reach the services.</summary>
public sealed class UnthrottledSqliteMarketplace : AllInOneMarketplace
{
    protected override IReadOnlyDictionary<string, string> Configuration() => Unthrottled.Settings(base.Configuration());
}

public sealed class UnthrottledPostgresMarketplace : PostgresAllInOneMarketplace
{
    protected override IReadOnlyDictionary<string, string> Configuration() => Unthrottled.Settings(base.Configuration());
}

internal static class Unthrottled
{
    public static IReadOnlyDictionary<string, string> Settings(IReadOnlyDictionary<string, string> configuration) =>
        new Dictionary<string, string>(configuration)
        {
            ["Marketplace:Gateway:RateLimit:TokenLimit"] = "1000000",
            ["Marketplace:Gateway:RateLimit:TokensPerPeriod"] = "1000000",
            ["Marketplace:Identity:TokenServer:RequestBurst"] = "1000000",
            ["Marketplace:Identity:TokenServer:RequestsPerSecond"] = "1000000",
            ["Marketplace:Identity:TokenServer:FailureBurst"] = "1000000",
        };
}

public sealed class FuzzOnSqlite(UnthrottledSqliteMarketplace market, ITestOutputHelper output)
    : FuzzTests(market, output), IClassFixture<UnthrottledSqliteMarketplace>;

public sealed class FuzzOnPostgres(UnthrottledPostgresMarketplace market, ITestOutputHelper output)
    : FuzzTests(market, output), IClassFixture<UnthrottledPostgresMarketplace>;
