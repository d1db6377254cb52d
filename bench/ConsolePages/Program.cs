using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

// Server time of the console's search and dataset pages (anonymous, the 40 demo datasets, all-in-one), each next to
// the API call it is built on, measured in the same run and interleaved, so the machine's noise hits both alike.
// Usage: Marketplace.Bench.ConsolePages BASE_URL [iterations]
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Marketplace.Bench.ConsolePages BASE_URL [iterations]");
    return 2;
}

var baseUrl = new Uri(args[0]);
var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
var query = Uri.EscapeDataString("사출");
var first = await http.GetFromJsonAsync<JsonElement>($"/api/catalog/datasets?q={query}&limit=1");
var dataset = first.GetProperty("items")[0].GetProperty("id").GetString();

var cases = new (string Name, string Path)[]
{
    ("search page  /?q=사출", $"/?q={query}"),
    ("search API   /api/catalog/datasets?q=사출", $"/api/catalog/datasets?q={query}"),
    ("catalog page /", "/"),
    ("catalog API  /api/catalog/datasets", "/api/catalog/datasets"),
    ("dataset page /datasets/{id}", $"/datasets/{dataset}"),
    ("dataset API  /api/catalog/datasets/{id}", $"/api/catalog/datasets/{dataset}"),
};

// Warm-up: the JIT's tiers, the taxonomy cache, connection pools.
for (var i = 0; i < Math.Max(50, iterations / 5); i++)
{
    foreach (var (_, path) in cases)
    {
        await TimeAsync(path);
    }
}

var times = cases.ToDictionary(c => c.Name, _ => new List<double>(iterations));
for (var i = 0; i < iterations; i++)
{
    foreach (var (name, path) in cases)
    {
        times[name].Add(await TimeAsync(path));
    }
}

Console.WriteLine($"{iterations} requests each, interleaved, one at a time; milliseconds from request to the last byte");
Console.WriteLine($"{"case",-46} {"p50",7} {"p95",7} {"p99",7}");
foreach (var (name, _) in cases)
{
    var sorted = times[name].Order().ToArray();
    Console.WriteLine($"{name,-46} {Pct(sorted, 0.50),7:F1} {Pct(sorted, 0.95),7:F1} {Pct(sorted, 0.99),7:F1}");
}

for (var i = 0; i < cases.Length; i += 2)
{
    var page = Pct([.. times[cases[i].Name].Order()], 0.95);
    var api = Pct([.. times[cases[i + 1].Name].Order()], 0.95);
    Console.WriteLine($"p95 ratio {cases[i].Name.Split(' ')[0]} page / API: {page / api:F2}");
}

return 0;

async Task<double> TimeAsync(string path)
{
    var clock = Stopwatch.StartNew();
    using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
    response.EnsureSuccessStatusCode();
    return clock.Elapsed.TotalMilliseconds;
}

static double Pct(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
