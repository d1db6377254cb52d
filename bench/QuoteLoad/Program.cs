using System.Globalization;
// Quote endpoint under a steady 500 requests/s: writes 100,000 datasets into Pricing's read model
// (once; a rerun reuses them), signs in as a demo buyer, then sends quotes for random datasets at a
// fixed rate (open loop: a request's latency counts from when it was due, so a stall is not hidden by
// the client waiting) and reports the percentiles.
//
//   dotnet run -c Release --project bench/QuoteLoad -- <gateway url> <pricing connection string> [rate] [seconds] [datasets] [quote url]
// The token always comes from the gateway; quotes go to [quote url] when given (the Pricing service's own
// address, to measure it without the gateway hop), else through the gateway.
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

var gateway = new Uri(args[0]);
var connectionString = args[1];
var rate = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;
var seconds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 30;
var datasets = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 100_000;
var quoteBase = args.Length > 5 ? new Uri(args[5]) : gateway;

var ids = await SeedAsync(connectionString, datasets);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = gateway };
var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
{
    ["grant_type"] = "client_credentials", ["client_id"] = "demo-buyer-b", ["client_secret"] = "demo-buyer-b-secret",
}));
token.EnsureSuccessStatusCode();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
    (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());

string[] purposes = ["research", "internal-operations", "product-development", "ai-training", "derived-products-resale"];
async Task<(double Ms, bool Ok)> QuoteAsync(Random random, long dueTicks)
{
    var response = await http.PostAsJsonAsync(new Uri(quoteBase, "/api/pricing/quotes"), new
    {
        datasetId = ids[random.Next(ids.Length)], purpose = purposes[random.Next(purposes.Length)], durationMonths = random.Next(1, 37), exclusive = false,
    });
    var ok = response.IsSuccessStatusCode;
    await response.Content.ReadAsByteArrayAsync();
    return (Stopwatch.GetElapsedTime(dueTicks).TotalMilliseconds, ok);
}

// Warm-up: JIT, connection pools, plans.
var warm = new Random(1);
for (var i = 0; i < 500; i++)
{
    await QuoteAsync(warm, Stopwatch.GetTimestamp());
}

var results = new List<Task<(double Ms, bool Ok)>>(rate * seconds);
var start = Stopwatch.GetTimestamp();
var interval = Stopwatch.Frequency / (double)rate;
var generator = new Random(2);
// Every 5 ms, start the requests that have fallen due; each keeps its own due time. No spinning: on
// two cores a busy-waiting client would take a core from the services it measures.
using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
var next = 0;
while (next < rate * seconds)
{
    await ticker.WaitForNextTickAsync();
    var now = Stopwatch.GetTimestamp();
    while (next < rate * seconds && start + (long)(next * interval) <= now)
    {
        var due = start + (long)(next * interval);
        var random = new Random(generator.Next());
        results.Add(QuoteAsync(random, due));
        next++;
    }
}

var done = await Task.WhenAll(results);
var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
var latencies = done.Select(r => r.Ms).Order().ToArray();
double P(double p) => latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Length) - 1, 0, latencies.Length - 1)];
Console.WriteLine($"{done.Length} quotes to {quoteBase} at {rate}/s for {seconds} s (took {elapsed:0.0} s), {done.Count(r => !r.Ok)} failed, {ids.Length} datasets");
Console.WriteLine($"  latency ms: p50 {P(0.5):0.00}  p95 {P(0.95):0.00}  p99 {P(0.99):0.00}  max {latencies[^1]:0.00}");

static async Task<Guid[]> SeedAsync(string connectionString, int count)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    var provider = new Guid("b0000000-0000-4000-8000-000000000001");
    await using (var existing = new NpgsqlCommand("SELECT count(*) FROM dataset_copies WHERE provider_organisation_id = @p", connection))
    {
        existing.Parameters.AddWithValue("p", provider);
        if ((long)(await existing.ExecuteScalarAsync())! < count)
        {
            await using var clear = new NpgsqlCommand("DELETE FROM dataset_copies WHERE provider_organisation_id = @p", connection);
            clear.Parameters.AddWithValue("p", provider);
            await clear.ExecuteNonQueryAsync();
            string[] stages = ["design", "procurement", "production", "quality", "maintenance", "logistics", "energy", "after-sales"];
            string[] types = ["sensor-time-series", "image-video", "vibration-acoustic", "production-records", "logs-events", "cad-3d", "text-documents"];
            var random = new Random(42);
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY dataset_copies (dataset_id, version, provider_organisation_id, process_stage, data_type, record_count, coverage_from, coverage_to, " +
                "metadata_score, labelled, exclusivity_available, listed, synced_at) FROM STDIN (FORMAT BINARY)");
            for (var i = 0; i < count; i++)
            {
                var year = random.Next(2015, 2026);
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync(provider, NpgsqlDbType.Uuid);
                await copy.WriteAsync(stages[random.Next(stages.Length)], NpgsqlDbType.Varchar);
                await copy.WriteAsync(types[random.Next(types.Length)], NpgsqlDbType.Varchar);
                await copy.WriteAsync((long)random.Next(1_000, 50_000_000), NpgsqlDbType.Bigint);
                await copy.WriteAsync(new DateOnly(year, 1, 1), NpgsqlDbType.Date);
                await copy.WriteAsync(new DateOnly(year, 12, 31), NpgsqlDbType.Date);
                await copy.WriteAsync(random.Next(20, 101), NpgsqlDbType.Integer);
                await copy.WriteAsync(random.Next(2) == 0, NpgsqlDbType.Boolean);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean);
                await copy.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
            Console.WriteLine($"{count} datasets written into Pricing's read model");
        }
    }

    await using (var analyze = new NpgsqlCommand("ANALYZE dataset_copies", connection))
    {
        await analyze.ExecuteNonQueryAsync();
    }

    var ids = new List<Guid>(count);
    await using var select = new NpgsqlCommand("SELECT dataset_id FROM dataset_copies WHERE provider_organisation_id = @p", connection);
    select.Parameters.AddWithValue("p", provider);
    await using var reader = await select.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        ids.Add(reader.GetGuid(0));
    }

    return [.. ids];
}
