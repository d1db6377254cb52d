using System.Globalization;
// Complete negotiations through the gateway, a fixed number in flight: each is six actions (request,
// offer, accept, agree, verify, finalize) by the demo buyers and demo provider X, on a dataset published
// for the run. Reports completed negotiations per second and latency percentiles per action.
//
//   dotnet run -c Release --project bench/Negotiations -- <gateway url> [negotiations] [in flight]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Marketplace.Bench;

var gateway = new Uri(args[0]);
var total = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var inFlight = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;

var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256 };
var provider = await DemoMarketplace.SignInAsync(handler, gateway, "demo-provider-x");
HttpClient[] buyers = [await DemoMarketplace.SignInAsync(handler, gateway, "demo-buyer-a"), await DemoMarketplace.SignInAsync(handler, gateway, "demo-buyer-b")];

// A dataset of provider X for this run, once Contracts has it, and a price inside its band.
var dataset = await DemoMarketplace.PublishDatasetAsync(provider, "벤치마크 프레스 진동 데이터", "Benchmark press vibration data");
var price = await DemoMarketplace.ReferencePriceAsync(buyers[0], dataset);

var actions = DemoMarketplace.Actions;
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

Task NegotiateAsync(int number) => DemoMarketplace.NegotiateAsync(buyers[number % buyers.Length], provider, dataset, price, TimedAsync);

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
    double P(double p) => Percentiles.Of(sorted, p);
    return sorted.Length == 0 ? "no samples" : $"n {sorted.Length,5}  p50 {P(0.5),7:0.0} ms  p95 {P(0.95),7:0.0} ms  p99 {P(0.99),7:0.0} ms  max {sorted[^1],7:0.0} ms";
}
