// The load and the checks of bench/replicas.sh: replicas restarted and broker nodes stopped while it runs.
//
//   load <gateway url> <stop file> [publications]
//       Until the stop file exists: providers publish datasets (at most [publications], 2,000 by default), buyers
//       negotiate to FINALIZED, readers search the catalog and open the console, a client asks for tokens. Every
//       failed request (an exception or an unexpected status) is counted and printed with its time; at the end one
//       line per kind of request with its count, failures, p50/p99 and the longest time without a success.
//   verify <PostgreSQL server connection string> [seconds]
//       Waits until every module's outbox is sent, then checks in each module's database that every event reached
//       every consumer exactly once and one agreement record per finalization, and prints how long events took
//       from commit to consumer.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Bench;
using Npgsql;

return args[0] switch
{
    "load" => await LoadAsync(new Uri(args[1]), args[2], args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2000),
    "verify" => await VerifyAsync(args[1], TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 180)),
    _ => throw new ArgumentException("load <gateway> <stop file> [publications] | verify <postgres> [seconds]"),
};

static async Task<int> LoadAsync(Uri gateway, string stopFile, int publications)
{
    // No connection lives long: a replica that stops closes its idle connections, and a new one goes to whichever
    // replica the gateway picks. (The gateway itself keeps its pools to the replicas, which is what is measured.)
    var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromSeconds(30) };
    var provider = await DemoMarketplace.SignInAsync(handler, gateway, "demo-provider-x");
    HttpClient[] buyers = [await DemoMarketplace.SignInAsync(handler, gateway, "demo-buyer-a"), await DemoMarketplace.SignInAsync(handler, gateway, "demo-buyer-b")];
    var anonymous = new HttpClient(handler, disposeHandler: false) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };
    var dataset = await DemoMarketplace.PublishDatasetAsync(provider, "신뢰성 시험 프레스 데이터", "Reliability test press data");
    var price = await DemoMarketplace.ReferencePriceAsync(buyers[0], dataset);

    var clock = Stopwatch.StartNew();
    var stats = new ConcurrentDictionary<string, Kind>();
    var failures = new ConcurrentQueue<string>();
    var published = 0;

    async Task<JsonElement> SendAsync(string kind, Func<Task<HttpResponseMessage>> send)
    {
        var entry = stats.GetOrAdd(kind, _ => new Kind());
        var started = clock.Elapsed;
        try
        {
            using var response = await send();
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"{(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}", null, response.StatusCode);
            }

            entry.Succeeded(started, clock.Elapsed);
            return body.Length > 0 && body[0] is '{' or '[' ? JsonDocument.Parse(body).RootElement.Clone() : default;
        }
        catch (Exception ex)
        {
            entry.Failed();
            failures.Enqueue($"{clock.Elapsed.TotalSeconds,7:0.0} s  {kind}: {ex.GetType().Name} {ex.Message}");
            throw;
        }
    }

    async Task Loop(Func<Task> work)
    {
        while (!File.Exists(stopFile))
        {
            try
            {
                await work();
            }
            catch (Exception)
            {
                // Counted and recorded by SendAsync; the loop goes on with its next round.
            }
        }
    }

    async Task PublishAsync()
    {
        if (Interlocked.Increment(ref published) > publications)
        {
            await Task.Delay(200);
            return;
        }

        var draft = await SendAsync("publish", () => provider.PostAsJsonAsync("/api/catalog/datasets",
            DemoMarketplace.Document($"신뢰성 시험 센서 데이터 {published}", $"Reliability test sensor data {published}")));
        var id = draft.GetProperty("id").GetGuid();
        await SendAsync("publish", () => provider.PostAsync($"/api/catalog/datasets/{id}/publish", null));
    }

    var negotiation = 0;
    var work = new List<Task>
    {
        Loop(PublishAsync),
        Loop(PublishAsync),
        Loop(() => DemoMarketplace.NegotiateAsync(buyers[Interlocked.Increment(ref negotiation) % 2], provider, dataset, price, (_, send) => SendAsync("negotiate", send))),
        Loop(() => DemoMarketplace.NegotiateAsync(buyers[Interlocked.Increment(ref negotiation) % 2], provider, dataset, price, (_, send) => SendAsync("negotiate", send))),
        Loop(() => DemoMarketplace.NegotiateAsync(buyers[Interlocked.Increment(ref negotiation) % 2], provider, dataset, price, (_, send) => SendAsync("negotiate", send))),
        Loop(() => SendAsync("search", () => anonymous.GetAsync("/api/catalog/datasets?q=%EC%84%BC%EC%84%9C&limit=10"))),
        Loop(() => SendAsync("pricing", () => buyers[0].GetAsync("/api/pricing/baselines"))),
        Loop(() => SendAsync("console", () => anonymous.GetAsync("/"))),
        Loop(() => SendAsync("token", () => anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "demo-buyer-b", ["client_secret"] = "demo-buyer-b-secret",
        })))),
    };

    var progress = Task.Run(async () =>
    {
        while (!File.Exists(stopFile))
        {
            await Task.Delay(5000);
            Console.WriteLine($"{clock.Elapsed.TotalSeconds,6:0} s  {string.Join("  ", stats.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value.Count}/{s.Value.Failures}"))}");
        }
    });
    await Task.WhenAll(work.Append(progress));

    Console.WriteLine($"load of {clock.Elapsed.TotalSeconds:0} s through {gateway}: {Math.Min(published, publications)} publications");
    foreach (var (kind, entry) in stats.OrderBy(s => s.Key))
    {
        Console.WriteLine($"  {kind,-10} {entry.Describe()}");
    }

    foreach (var failure in failures.Take(20))
    {
        Console.WriteLine($"  failed at {failure}");
    }

    var failed = stats.Values.Sum(s => s.Failures);
    Console.WriteLine($"requests: {stats.Values.Sum(s => s.Count)}, failed: {failed}");
    return failed == 0 ? 0 : 1;
}

static async Task<int> VerifyAsync(string server, TimeSpan timeout)
{
    var consumers = Marketplace.TestSupport.EventConsumers.ByEvent;
    string[] modules = ["catalog", "contracts", "pricing", "identity"];
    NpgsqlConnection Open(string module)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = $"marketplace_{module}" }.ConnectionString);
        connection.Open();
        return connection;
    }

    async Task<long> CountAsync(string module, string sql)
    {
        await using var connection = Open(module);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    var waited = Stopwatch.StartNew();
    while (true)
    {
        long unsent = 0;
        foreach (var module in modules)
        {
            unsent += await CountAsync(module, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");
        }

        if (unsent == 0)
        {
            break;
        }

        if (waited.Elapsed > timeout)
        {
            Console.WriteLine($"{unsent} events still unsent after {timeout.TotalSeconds:0} s");
            return 1;
        }

        await Task.Delay(500);
    }

    Console.WriteLine($"every outbox sent {waited.Elapsed.TotalSeconds:0.0} s after the load stopped");
    // Consumers may still be applying the last ones: wait for them as long as the timeout allows.
    var problems = new List<string>();
    var latencies = new List<double>();
    var events = new List<(Guid Id, string Type, DateTime OccurredAt)>();
    foreach (var module in modules)
    {
        await using var connection = Open(module);
        await using var command = new NpgsqlCommand("SELECT message_id, type, occurred_at FROM outbox_messages", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add((reader.GetGuid(0), reader.GetString(1).Split('.')[^1], reader.GetDateTime(2)));
        }
    }

    var inboxes = new Dictionary<(string Module, string Consumer), Dictionary<Guid, (long Times, DateTime ProcessedAt)>>();
    async Task LoadInboxesAsync()
    {
        inboxes.Clear();
        foreach (var (module, consumer) in consumers.Values.SelectMany(c => c).Distinct())
        {
            await using var connection = Open(module);
            await using var command = new NpgsqlCommand(
                "SELECT message_id, count(*), min(processed_at) FROM inbox_messages WHERE consumer = @consumer GROUP BY message_id", connection);
            command.Parameters.AddWithValue("consumer", consumer);
            await using var reader = await command.ExecuteReaderAsync();
            var seen = new Dictionary<Guid, (long, DateTime)>();
            while (await reader.ReadAsync())
            {
                seen[reader.GetGuid(0)] = (reader.GetInt64(1), reader.GetDateTime(2));
            }

            inboxes[(module, consumer)] = seen;
        }
    }

    IEnumerable<string> Missing() =>
        from e in events
        from c in consumers.GetValueOrDefault(e.Type, [])
        where !inboxes[c].TryGetValue(e.Id, out var seen) || seen.Times != 1
        select $"{e.Type} {e.Id} reached {c.Consumer} {(inboxes[c].TryGetValue(e.Id, out var s) ? s.Times : 0)} times";

    do
    {
        await LoadInboxesAsync();
        if (!Missing().Any())
        {
            break;
        }

        await Task.Delay(500);
    }
    while (waited.Elapsed < timeout);

    problems.AddRange(Missing());
    foreach (var e in events)
    {
        foreach (var c in consumers.GetValueOrDefault(e.Type, []))
        {
            if (inboxes[c].TryGetValue(e.Id, out var seen))
            {
                latencies.Add((seen.ProcessedAt - e.OccurredAt).TotalMilliseconds);
            }
        }
    }

    var finalized = events.Count(e => e.Type == "ContractFinalized");
    var agreements = await CountAsync("pricing", "SELECT count(*) FROM agreements");
    var reservations = await CountAsync("pricing", "SELECT count(*) FROM voucher_reservations");
    if (agreements != finalized)
    {
        problems.Add($"{finalized} ContractFinalized events but {agreements} agreement records in Pricing");
    }

    var deliveries = consumers.Sum(c => events.Count(e => e.Type == c.Key) * c.Value.Length);
    latencies.Sort();
    double P(double p) => Percentiles.Of(latencies, p);
    Console.WriteLine($"events: {events.Count} ({string.Join(", ", events.GroupBy(e => e.Type).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}); "
        + $"deliveries expected {deliveries}, each once: {(problems.Count == 0 ? "yes" : "NO")}");
    Console.WriteLine($"commit to consumer: p50 {P(0.5):0} ms, p95 {P(0.95):0} ms, p99 {P(0.99):0} ms, max {(latencies.Count == 0 ? 0 : latencies[^1]):0} ms");
    Console.WriteLine($"agreements: {finalized} finalized, {agreements} recorded by Pricing, {reservations} voucher reservations (one per agreement at most, by key)");
    foreach (var problem in problems.Take(20))
    {
        Console.WriteLine($"  problem: {problem}");
    }

    return problems.Count == 0 ? 0 : 1;
}

/// <summary>The requests of one kind: how many, how many failed, their latencies and the longest time without a success.</summary>
internal sealed class Kind
{
    private readonly Lock _lock = new();
    private readonly List<double> _latencies = [];
    private TimeSpan _lastSuccess = TimeSpan.Zero;
    private TimeSpan _longestGap = TimeSpan.Zero;
    private DateTime _longestGapEnded;
    private double _slowest;
    private DateTime _slowestAt;
    private int _failures;

    public int Count { get { lock (_lock) { return _latencies.Count + _failures; } } }

    public int Failures => Volatile.Read(ref _failures);

    public void Succeeded(TimeSpan started, TimeSpan ended)
    {
        lock (_lock)
        {
            var latency = (ended - started).TotalMilliseconds;
            if (latency > _slowest)
            {
                (_slowest, _slowestAt) = (latency, DateTime.Now);
            }

            _latencies.Add(latency);
            if (ended - _lastSuccess > _longestGap)
            {
                _longestGap = ended - _lastSuccess;
                _longestGapEnded = DateTime.Now;
            }

            _lastSuccess = ended;
        }
    }

    public void Failed() => Interlocked.Increment(ref _failures);

    public string Describe()
    {
        lock (_lock)
        {
            var sorted = _latencies.Order().ToArray();
            double P(double p) => Percentiles.Of(sorted, p);
            return $"{Count,6} requests  {_failures,3} failed  p50 {P(0.5),6:0.0} ms  p99 {P(0.99),7:0.0} ms  max {(sorted.Length == 0 ? 0 : sorted[^1]),7:0.0} ms "
                + $"(ended {_slowestAt:HH:mm:ss})  longest without a success {_longestGap.TotalSeconds:0.0} s (until {_longestGapEnded:HH:mm:ss})";
        }
    }
}
