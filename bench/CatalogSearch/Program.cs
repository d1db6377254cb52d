using System.Globalization;
// Catalog search on PostgreSQL with 100,000 datasets: the same query through the gateway (HTTP, the
// microservices deployment) and as the SQL the catalog sends, run directly with Npgsql, one after the
// other on one connection/client. The SQL is captured from the catalog's own query code (DatasetSearch)
// by an EF Core command interceptor, so both sides run exactly the same statements and parameters.
//
//   dotnet run -c Release --project bench/CatalogSearch -- <gateway url> <catalog connection string> [datasets] [iterations]
using System.Data.Common;
using System.Diagnostics;
using Marketplace.Bench.CatalogSearch;
using Marketplace.Catalog.Apis;
using Marketplace.Catalog.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

var gateway = new Uri(args[0]);
var connectionString = args[1];
var datasets = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
var iterations = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2_000;

await Seeder.EnsureAsync(connectionString, datasets);

// The benchmark query: text + two facet filters + facet counts + 20 results; and, for comparison with a
// tenth of the iterations, a broad one word query matching a tenth of the catalog.
(string Query, int Iterations)[] queries =
[
    ("q=" + Uri.EscapeDataString("사출 온도") + "&processStage=production&dataType=sensor-time-series&limit=20", iterations),
    ("q=" + Uri.EscapeDataString("vibration") + "&limit=20", Math.Max(1, iterations / 10)),
];

using var http = new HttpClient { BaseAddress = gateway };
foreach (var (query, count) in queries)
{
    var first = await http.GetAsync($"/api/catalog/datasets?{query}");
    first.EnsureSuccessStatusCode();
    var body = await first.Content.ReadAsStringAsync();
    var total = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt32();
    Console.WriteLine($"\n{Uri.UnescapeDataString(query)}  ({total} matching datasets)");

    var commands = await CaptureAsync(connectionString, query);
    var direct = await TimeAsync(count, () => RunDirectAsync(connectionString, commands));
    var viaGateway = await TimeAsync(count, async () => (await http.GetAsync($"/api/catalog/datasets?{query}")).EnsureSuccessStatusCode());
    Report($"SQL direct ({commands.Count} statements)", direct);
    Report("through the gateway", viaGateway);
    Console.WriteLine($"  gateway / direct at p50: {viaGateway.P(0.5) / direct.P(0.5):0.00}x, at p99: {viaGateway.P(0.99) / direct.P(0.99):0.00}x");
}

static void Report(string label, Timings t) =>
    Console.WriteLine($"  {label,-28} p50 {t.P(0.5),6:0.00} ms  p95 {t.P(0.95),6:0.00} ms  p99 {t.P(0.99),6:0.00} ms  max {t.P(1),7:0.00} ms");

static async Task<Timings> TimeAsync(int iterations, Func<Task> run)
{
    for (var i = 0; i < Math.Min(200, iterations / 2); i++)
    {
        await run();
    }

    var samples = new List<double>(iterations);
    for (var i = 0; i < iterations; i++)
    {
        var clock = Stopwatch.StartNew();
        await run();
        samples.Add(clock.Elapsed.TotalMilliseconds);
    }

    return new Timings(samples);
}

// Runs the catalog's own search code against the database once, recording each SQL command it sends.
static async Task<List<(string Sql, NpgsqlParameter[] Parameters)>> CaptureAsync(string connectionString, string query)
{
    var recorder = new Recorder();
    var options = new DbContextOptionsBuilder<CatalogDb>().UseNpgsql(connectionString).AddInterceptors(recorder).Options;
    await using var db = new CatalogDb(options);
    var request = SearchRequestFrom(query);
    await new DatasetSearch(db).SearchAsync(request.ToCriteria(), new Viewer(null, false), null, CancellationToken.None);
    return recorder.Commands;
}

static SearchRequest SearchRequestFrom(string query)
{
    var values = System.Web.HttpUtility.ParseQueryString(query);
    string[]? Many(string key) => values.GetValues(key);
    return new SearchRequest(values["q"], Many("processStage"), null, null, Many("dataType"), null, null, null, null, null, null, null, null, null,
        int.Parse(values["limit"]!, CultureInfo.InvariantCulture), null);
}

static async Task RunDirectAsync(string connectionString, List<(string Sql, NpgsqlParameter[] Parameters)> commands)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    foreach (var (sql, parameters) in commands)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }
        }
    }
}

internal sealed record Timings(List<double> Samples)
{
    private readonly double[] _sorted = [.. Samples.Order()];

    public double P(double p) => _sorted[Math.Clamp((int)Math.Ceiling(p * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}

internal sealed class Recorder : DbCommandInterceptor
{
    public List<(string Sql, NpgsqlParameter[] Parameters)> Commands { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Commands.Add((command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]));
        return base.ReaderExecutingAsync(command, eventData, result, ct);
    }
}
