using System.Globalization;
// Publishes datasets through the gateway and measures, for each, how long DatasetPublished took from
// Catalog (the dataset's publishedAt, set in the same transaction as the outbox row) to Contracts (the
// read model's syncedAt, set in the consumer's transaction). Both clocks are the same machine's.
// A first round on freshly started services is reported apart: it includes JIT compilation and the
// broker topology being declared on first publish, and events queue behind it.
//
//   dotnet run -c Release --project bench/EventLatency -- http://127.0.0.1:5100 1000 [warm-up count]
using System.Diagnostics;
using System.Net.Http.Json;

var gateway = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:5100");
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var warmUp = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;
using var http = new HttpClient { BaseAddress = gateway };
// A demo provider (seeded by scripts/run-microservices.sh); a real token from the real token endpoint.
var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
{
    ["grant_type"] = "client_credentials",
    ["client_id"] = "demo-provider-x",
    ["client_secret"] = "demo-provider-x-secret",
}));
token.EnsureSuccessStatusCode();
http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
    "Bearer", (await token.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken);

Report("cold start (first events after start-up)", await MeasureAsync(http, warmUp));
Report("steady state", await MeasureAsync(http, count));

static void Report(string label, (List<double> Latencies, double PublishSeconds) run)
{
    var latencies = run.Latencies;
    latencies.Sort();
    double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
    Console.WriteLine($"{label}: {latencies.Count} events published in {run.PublishSeconds:0.0} s "
        + $"({latencies.Count / run.PublishSeconds:0} /s, one client, sequential)");
    Console.WriteLine($"  publish -> consumer latency ms: p50 {Percentile(0.50):0.0}  p95 {Percentile(0.95):0.0}  "
        + $"p99 {Percentile(0.99):0.0}  max {latencies[^1]:0.0}");
}

static async Task<(List<double>, double)> MeasureAsync(HttpClient http, int count)
{
    var ids = new List<Guid>(count);
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        var created = await http.PostAsJsonAsync("/api/catalog/datasets", new { titleEn = $"Latency probe {i}" });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<Dataset>())!.Id;
        (await http.PostAsync($"/api/catalog/datasets/{id}/publish", null)).EnsureSuccessStatusCode();
        ids.Add(id);
    }

    var publishSeconds = clock.Elapsed.TotalSeconds;
    var latencies = new List<double>(count);
    foreach (var id in ids)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var response = await http.GetAsync($"/api/contracts/datasets/{id}");
            if (response.IsSuccessStatusCode)
            {
                var copy = (await response.Content.ReadFromJsonAsync<Copy>())!;
                latencies.Add((copy.SyncedAt - copy.PublishedAt).TotalMilliseconds);
                break;
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"Dataset {id} never reached Contracts.");
            }

            await Task.Delay(20);
        }
    }

    return (latencies, publishSeconds);
}

internal sealed record Dataset(Guid Id);

internal sealed record TokenResponse([property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken);

internal sealed record Copy(DateTime PublishedAt, DateTime SyncedAt);
