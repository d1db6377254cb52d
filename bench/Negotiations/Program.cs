using System.Globalization;
// Complete negotiations through the gateway, a fixed number in flight: each is six actions (request,
// offer, accept, agree, verify, finalize) by the demo buyers and demo provider X, on a dataset published
// for the run. Reports completed negotiations per second and latency percentiles per action.
//
//   dotnet run -c Release --project bench/Negotiations -- <gateway url> [negotiations] [in flight]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

var gateway = new Uri(args[0]);
var total = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var inFlight = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;

var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256 };
async Task<HttpClient> SignInAsync(string clientId)
{
    var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };
    var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = $"{clientId}-secret",
    }));
    token.EnsureSuccessStatusCode();
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
        (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
    return client;
}

var provider = await SignInAsync("demo-provider-x");
HttpClient[] buyers = [await SignInAsync("demo-buyer-a"), await SignInAsync("demo-buyer-b")];

// A dataset of provider X for this run, once Contracts has it, and a price inside its band.
var draft = await provider.PostAsJsonAsync("/api/catalog/datasets", new
{
    titleKo = "벤치마크 프레스 진동 데이터", titleEn = "Benchmark press vibration data",
    classification = new { processStage = "production", dataTypes = new[] { "sensor-time-series" } },
    structure = new { recordCount = 2_000_000, coverageFrom = "2023-01-01", coverageTo = "2024-12-31" },
    terms = new { purposes = new[] { "research", "ai-training" }, minDurationMonths = 1, maxDurationMonths = 36 },
});
draft.EnsureSuccessStatusCode();
var dataset = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
(await provider.PostAsync($"/api/catalog/datasets/{dataset}/publish", null)).EnsureSuccessStatusCode();
var terms = new { purposes = new[] { "research" }, durationMonths = 12 };
decimal price = 0;
for (var attempt = 0; price == 0; attempt++)
{
    var probe = await buyers[0].PostAsJsonAsync("/api/contracts/negotiations", new { datasetId = dataset, terms, priceKrw = 1 });
    var body = await probe.Content.ReadFromJsonAsync<JsonElement>();
    if (body.TryGetProperty("band", out var band))
    {
        price = band.GetProperty("referencePriceKrw").GetDecimal();
    }
    else if (attempt > 300)
    {
        throw new InvalidOperationException($"The dataset never became negotiable: {body}");
    }
    else
    {
        await Task.Delay(100);
    }
}

string[] actions = ["request", "offer", "accept", "agree", "verify", "finalize"];
var latencies = actions.ToDictionary(a => a, _ => new ConcurrentBag<double>());
var failures = new ConcurrentBag<string>();

async Task<JsonElement> TimedAsync(string action, Func<Task<HttpResponseMessage>> send)
{
    var started = Stopwatch.GetTimestamp();
    using var response = await send();
    var body = await response.Content.ReadAsStringAsync();
    latencies[action].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"{action}: {(int)response.StatusCode} {body}");
    }

    return JsonDocument.Parse(body).RootElement.Clone();
}

async Task NegotiateAsync(int number)
{
    var buyer = buyers[number % buyers.Length];
    var n = await TimedAsync("request", () => buyer.PostAsJsonAsync("/api/contracts/negotiations", new { datasetId = dataset, terms, priceKrw = price }));
    var id = n.GetProperty("id").GetGuid();
    await TimedAsync("offer", () => provider.PostAsJsonAsync($"/api/contracts/negotiations/{id}/offer", new { }));
    await TimedAsync("accept", () => buyer.PostAsJsonAsync($"/api/contracts/negotiations/{id}/accept", new { }));
    var agreed = await TimedAsync("agree", () => provider.PostAsJsonAsync($"/api/contracts/negotiations/{id}/agree", new { }));
    var hash = agreed.GetProperty("agreementHash").GetString();
    await TimedAsync("verify", () => buyer.PostAsJsonAsync($"/api/contracts/negotiations/{id}/verify", new { agreementHash = hash }));
    await TimedAsync("finalize", () => provider.PostAsJsonAsync($"/api/contracts/negotiations/{id}/finalize", new { }));
}

// Warm-up (JIT, pools, plans), not counted.
for (var i = 0; i < 20; i++)
{
    await NegotiateAsync(i);
}

foreach (var bag in latencies.Values)
{
    bag.Clear();
}

var next = -1;
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
{
    while (Interlocked.Increment(ref next) < total)
    {
        try
        {
            await NegotiateAsync(next);
        }
        catch (Exception ex)
        {
            failures.Add(ex.Message);
        }
    }
}));
clock.Stop();

var completed = total - failures.Count;
Console.WriteLine($"{completed} of {total} negotiations completed in {clock.Elapsed.TotalSeconds:0.0} s with {inFlight} in flight: {completed / clock.Elapsed.TotalSeconds:0.0} negotiations/s ({6 * completed / clock.Elapsed.TotalSeconds:0} actions/s)");
var all = latencies.Values.SelectMany(b => b).Order().ToArray();
Console.WriteLine($"  {"all actions",-12} {Describe(all)}");
foreach (var action in actions)
{
    Console.WriteLine($"  {action,-12} {Describe(latencies[action].Order().ToArray())}");
}

foreach (var failure in failures.Distinct().Take(5))
{
    Console.WriteLine($"  failure: {failure}");
}

return failures.IsEmpty ? 0 : 1;

static string Describe(double[] sorted)
{
    double P(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    return sorted.Length == 0 ? "no samples" : $"n {sorted.Length,5}  p50 {P(0.5),7:0.0} ms  p95 {P(0.95),7:0.0} ms  p99 {P(0.99),7:0.0} ms  max {sorted[^1],7:0.0} ms";
}
