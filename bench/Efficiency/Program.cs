// Side-by-side efficiency of negotiation actions: the same closed-loop load against each target in turn (A, B, A, B, ...
// for every round and every concurrency), so that the shared machine's noise falls on all alike. For each run: actions/s,
// latency percentiles, CPU milliseconds per action of every named process tree (read from /proc, including the work the
// run leaves behind: the measurement ends when those processes have gone idle again), and on PostgreSQL the statements
// per action of each database (pg_stat_statements) and the WAL written per action. The first target is the reference:
// every other one is reported as a ratio to it. bench/efficiency.sh starts the targets and calls this.
//
//   dotnet run -c Release --project bench/Efficiency -- [options] --target "LABEL KIND URL NAME:PID,..." ...
//     KIND: probe (bench/Probe), marketplace (the public API as the demo organisations) or get (one GET of URL a time)
//     --in-flight 8,50   --rounds 3   --seconds 20   --warm-up 15   --postgres CONNECTION   --out results.json
//   --sustain SECONDS: instead, one run of the first target at the first in-flight figure from a fresh start, without
//     warm-up: throughput per minute, the outbox backlog and event latency of the module databases (Sustained.cs)
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Bench;
using Marketplace.Bench.Efficiency;
using Npgsql;

var options = Options.Parse(args);
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
if (options.Sustain is { } sustain)
{
    var target = await Target.PrepareAsync(options.Targets[0], handler);
    await using var modules = NpgsqlDataSource.Create(options.Postgres ?? throw new ArgumentException("--sustain needs --postgres"));
    var result = await Sustained.MeasureAsync(target, options.InFlight[0], sustain, modules, options.Postgres);
    Console.WriteLine(result.Describe());
    if (options.Out is { } output)
    {
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
    }

    return result.Failures > 0 ? 1 : 0;
}

var targets = new List<Target>();
foreach (var spec in options.Targets)
{
    var target = await Target.PrepareAsync(spec, handler);
    Console.WriteLine($"[{target.Label}] ready; warming up {options.WarmUp.TotalSeconds:0} s");
    await target.LoadAsync(8, options.WarmUp, record: null);
    targets.Add(target);
}

await using var postgres = options.Postgres is { } connection ? NpgsqlDataSource.Create(connection) : null;
var statements = postgres is not null && await Statistics.EnabledAsync(postgres);
var runs = new List<Run>();
for (var round = 1; round <= options.Rounds; round++)
{
    foreach (var inFlight in options.InFlight)
    {
        foreach (var target in targets)
        {
            var run = await Run.MeasureAsync(target, round, inFlight, options.Duration, statements ? postgres : null, postgres);
            runs.Add(run);
            Console.WriteLine(run.Describe());
        }
    }
}

Console.WriteLine();
Console.WriteLine("Medians over the rounds (ratio to the first target):");
var summaries = new List<Summary>();
foreach (var inFlight in options.InFlight)
{
    var reference = Summary.Of(runs.Where(r => r.Label == targets[0].Label && r.InFlight == inFlight).ToList(), null);
    foreach (var target in targets)
    {
        var summary = target == targets[0] ? reference : Summary.Of(runs.Where(r => r.Label == target.Label && r.InFlight == inFlight).ToList(), reference);
        summaries.Add(summary);
        Console.WriteLine(summary.Describe());
    }
}

if (options.Out is { } file)
{
    await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new { runs, summaries }, new JsonSerializerOptions { WriteIndented = true }));
}

return runs.Any(r => r.Failures > 0) ? 1 : 0;

namespace Marketplace.Bench.Efficiency
{
    internal sealed record Options(IReadOnlyList<string> Targets, int[] InFlight, int Rounds, TimeSpan Duration, TimeSpan WarmUp, string? Postgres, string? Out, TimeSpan? Sustain)
    {
        public static Options Parse(string[] args)
        {
            var targets = new List<string>();
            int[] inFlight = [8, 50];
            int rounds = 3, seconds = 20, warmUp = 15;
            string? postgres = null, output = null;
            TimeSpan? sustain = null;
            for (var i = 0; i < args.Length; i += 2)
            {
                var value = args[i + 1];
                switch (args[i])
                {
                    case "--target": targets.Add(value); break;
                    case "--in-flight": inFlight = value.Split(',').Select(int.Parse).ToArray(); break;
                    case "--rounds": rounds = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--seconds": seconds = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--warm-up": warmUp = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--postgres": postgres = value; break;
                    case "--out": output = value; break;
                    case "--sustain": sustain = TimeSpan.FromSeconds(int.Parse(value, CultureInfo.InvariantCulture)); break;
                    default: throw new ArgumentException($"Unknown option {args[i]}");
                }
            }

            return new Options(targets, inFlight, rounds, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(warmUp), postgres, output, sustain);
        }
    }

    /// <summary>One system under load: the probe or the marketplace, its address and the processes whose CPU is counted.</summary>
    internal sealed class Target
    {
        private Func<CancellationToken, Action<string, double>, Task> _negotiate = null!;

        public required string Label { get; init; }

        public required IReadOnlyDictionary<string, int> Processes { get; init; }

        /// <summary>"LABEL KIND URL NAME:PID,NAME:PID": signs in and prepares what one negotiation needs.</summary>
        public static async Task<Target> PrepareAsync(string spec, HttpMessageHandler handler)
        {
            var parts = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var url = new Uri(parts[2]);
            var target = new Target
            {
                Label = parts[0],
                Processes = parts[3].Split(',').Select(p => p.Split(':')).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture)),
            };
            target._negotiate = parts[1] switch
            {
                "probe" => await ProbeAsync(handler, url),
                "marketplace" => await MarketplaceAsync(handler, url),
                "get" => Get(handler, url),
                _ => throw new ArgumentException($"Unknown kind {parts[1]}"),
            };
            return target;
        }

        /// <summary>
        /// Keeps <paramref name="inFlight"/> negotiations going for <paramref name="duration"/>; each action's latency goes to
        /// <paramref name="record"/> (a failed action as a negative latency). Actions still running at the end complete.
        /// </summary>
        public async Task LoadAsync(int inFlight, TimeSpan duration, Action<string, double>? record)
        {
            using var window = new CancellationTokenSource(duration);
            var sink = record ?? ((_, _) => { });
            await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
            {
                while (!window.IsCancellationRequested)
                {
                    try
                    {
                        await _negotiate(window.Token, sink);
                    }
                    catch (OperationCanceledException) when (window.IsCancellationRequested)
                    {
                    }
                    catch (Exception ex)
                    {
                        sink(ex.Message, -1);
                    }
                }
            }));
        }

        private static async Task<Func<CancellationToken, Action<string, double>, Task>> ProbeAsync(HttpMessageHandler handler, Uri url)
        {
            var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
            using var token = await client.PostAsync("/token", null);
            token.EnsureSuccessStatusCode();
            client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
            return async (stop, record) =>
            {
                var created = await TimedAsync(record, "request", () => client.PostAsync("/negotiations", null));
                var id = created.GetProperty("id").GetGuid();
                foreach (var action in DemoMarketplace.Actions.Skip(1))
                {
                    stop.ThrowIfCancellationRequested();
                    await TimedAsync(record, action, () => client.PostAsync($"/negotiations/{id}/act", null));
                }
            };
        }

        /// <summary>One anonymous GET of the address (the gateway comparison: the same cheap request direct, through nginx, through YARP).</summary>
        private static Func<CancellationToken, Action<string, double>, Task> Get(HttpMessageHandler handler, Uri url)
        {
            var client = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(60) };
            return async (_, record) =>
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}");
                }

                record("get", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            };
        }

        private static async Task<Func<CancellationToken, Action<string, double>, Task>> MarketplaceAsync(HttpMessageHandler handler, Uri url)
        {
            var provider = await DemoMarketplace.SignInAsync(handler, url, "demo-provider-x");
            HttpClient[] buyers = [await DemoMarketplace.SignInAsync(handler, url, "demo-buyer-a"), await DemoMarketplace.SignInAsync(handler, url, "demo-buyer-b")];
            var dataset = await DemoMarketplace.PublishDatasetAsync(provider, "효율 측정 프레스 데이터", "Efficiency press data");
            var price = await DemoMarketplace.ReferencePriceAsync(buyers[0], dataset);
            var next = 0;
            return (stop, record) => DemoMarketplace.NegotiateAsync(buyers[Interlocked.Increment(ref next) % 2], provider, dataset, price, (action, send) =>
            {
                stop.ThrowIfCancellationRequested();
                return TimedAsync(record, action, send);
            });
        }

        private static async Task<JsonElement> TimedAsync(Action<string, double> record, string action, Func<Task<HttpResponseMessage>> send)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await send();
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{action}: {(int)response.StatusCode} {body}");
            }

            record(action, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    /// <summary>CPU time of a process and everything below it (live descendants and the children it has reaped), from /proc.</summary>
    internal static class ProcessCpu
    {
        private static readonly double MillisecondsPerTick = 1000.0 / 100; // USER_HZ: 100 on Linux

        public static double TreeMilliseconds(int root)
        {
            var parents = new Dictionary<int, int>();
            var cpu = new Dictionary<int, long>();
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid))
                {
                    continue;
                }

                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    // After the command name's closing parenthesis: state ppid ... utime(14) stime(15) cutime(16) cstime(17).
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                    cpu[pid] = fields.Skip(11).Take(4).Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
                }
                catch (IOException)
                {
                    // Gone while reading.
                }
            }

            long total = 0;
            foreach (var pid in cpu.Keys)
            {
                for (var p = pid; p > 1; p = parents.GetValueOrDefault(p))
                {
                    if (p == root)
                    {
                        total += cpu[pid];
                        break;
                    }
                }
            }

            return total * MillisecondsPerTick;
        }
    }

    /// <summary>PostgreSQL's own counters: statements per database (pg_stat_statements, when loaded) and WAL position.</summary>
    internal static class Statistics
    {
        public static async Task<bool> EnabledAsync(NpgsqlDataSource postgres)
        {
            try
            {
                await using var command = postgres.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT count(*) FROM pg_stat_statements");
                await command.ExecuteScalarAsync();
                return true;
            }
            catch (PostgresException ex)
            {
                Console.WriteLine($"No statement counts: {ex.MessageText} (start PostgreSQL with shared_preload_libraries=pg_stat_statements)");
                return false;
            }
        }

        public static async Task ResetAsync(NpgsqlDataSource postgres)
        {
            await using var command = postgres.CreateCommand("SELECT pg_stat_statements_reset()");
            await command.ExecuteScalarAsync();
        }

        public static async Task<Dictionary<string, long>> StatementsAsync(NpgsqlDataSource postgres)
        {
            await using var command = postgres.CreateCommand(
                "SELECT d.datname, sum(s.calls)::bigint FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname <> 'postgres' GROUP BY d.datname");
            await using var reader = await command.ExecuteReaderAsync();
            var counts = new Dictionary<string, long>();
            while (await reader.ReadAsync())
            {
                counts[reader.GetString(0)] = reader.GetInt64(1);
            }

            return counts;
        }

        public static async Task<decimal> WalPositionAsync(NpgsqlDataSource postgres)
        {
            await using var command = postgres.CreateCommand("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')");
            return (decimal)(await command.ExecuteScalarAsync())!;
        }
    }

    internal sealed record Run(
        string Label, int Round, int InFlight, int Actions, int Failures, double Seconds, double ActionsPerSecond,
        double P50, double P95, double P99, double SettleSeconds, Dictionary<string, double> WindowCpuPerAction,
        Dictionary<string, double> CpuPerAction, Dictionary<string, double> StatementsPerAction, double? WalBytesPerAction,
        string? FirstFailure)
    {
        public static async Task<Run> MeasureAsync(Target target, int round, int inFlight, TimeSpan duration, NpgsqlDataSource? statements, NpgsqlDataSource? postgres)
        {
            await Settle(target);
            if (statements is not null)
            {
                await Statistics.ResetAsync(statements);
            }

            var wal = postgres is null ? 0 : await Statistics.WalPositionAsync(postgres);
            var before = Cpu(target);
            var latencies = new ConcurrentBag<double>();
            var failures = new ConcurrentBag<string>();
            var clock = Stopwatch.StartNew();
            await target.LoadAsync(inFlight, duration, (what, ms) =>
            {
                if (ms < 0)
                {
                    failures.Add(what);
                }
                else
                {
                    latencies.Add(ms);
                }
            });
            var seconds = clock.Elapsed.TotalSeconds;
            var window = Cpu(target);
            var settle = await Settle(target);
            var after = Cpu(target);
            var actions = latencies.Count;
            var sorted = latencies.Order().ToArray();
            double P(double p) => Percentiles.Of(sorted, p);
            Dictionary<string, double> PerAction(Dictionary<string, double> end) =>
                end.ToDictionary(p => p.Key, p => Math.Round((p.Value - before[p.Key]) / Math.Max(actions, 1), 3));
            var counts = statements is null ? [] : await Statistics.StatementsAsync(statements);
            var walBytes = postgres is null ? (double?)null : (double)(await Statistics.WalPositionAsync(postgres) - wal) / Math.Max(actions, 1);
            return new Run(target.Label, round, inFlight, actions, failures.Count, seconds, actions / seconds, P(0.5), P(0.95), P(0.99),
                settle.TotalSeconds, PerAction(window), PerAction(after),
                counts.ToDictionary(c => c.Key, c => Math.Round((double)c.Value / Math.Max(actions, 1), 2)), walBytes, failures.FirstOrDefault());
        }

        public string Describe() =>
            $"[{Label}] round {Round}, {InFlight} in flight: {ActionsPerSecond:0} actions/s, p50 {P50:0.0} p95 {P95:0.0} p99 {P99:0.0} ms, " +
            $"{Failures} failed, idle again after {SettleSeconds:0.0} s; CPU ms/action {string.Join(", ", CpuPerAction.Select(c => $"{c.Key} {c.Value:0.00}"))}" +
            (StatementsPerAction.Count > 0 ? $"; statements/action {string.Join(", ", StatementsPerAction.Where(s => s.Value >= 0.05).Select(s => $"{s.Key} {s.Value:0.0}"))}" : "") +
            (WalBytesPerAction is { } w ? $"; WAL {w / 1024:0.0} KiB/action" : "") + (FirstFailure is { } f ? $"\n    first failure: {f}" : "");

        private static Dictionary<string, double> Cpu(Target target) => target.Processes.ToDictionary(p => p.Key, p => ProcessCpu.TreeMilliseconds(p.Value));

        /// <summary>Waits until the target's processes use less than 5 % of a core for two half-seconds in a row (at most 2 minutes).</summary>
        private static async Task<TimeSpan> Settle(Target target)
        {
            var clock = Stopwatch.StartNew();
            var quiet = 0;
            var last = Cpu(target).Values.Sum();
            while (quiet < 2 && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(500);
                var now = Cpu(target).Values.Sum();
                quiet = now - last < 25 ? quiet + 1 : 0;
                last = now;
            }

            return clock.Elapsed;
        }
    }

    internal sealed record Summary(
        string Label, int InFlight, double ActionsPerSecond, double P50, double P99, Dictionary<string, double> CpuPerAction,
        Dictionary<string, double> StatementsPerAction, double? WalBytesPerAction, double? ThroughputRatio)
    {
        public static Summary Of(IReadOnlyList<Run> runs, Summary? reference)
        {
            static double Median(IEnumerable<double> values)
            {
                var sorted = values.Order().ToArray();
                return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
            }

            Dictionary<string, double> Medians(Func<Run, Dictionary<string, double>> of) =>
                runs.SelectMany(r => of(r).Keys).Distinct().ToDictionary(k => k, k => Math.Round(Median(runs.Select(r => of(r).GetValueOrDefault(k))), 3));

            var throughput = Median(runs.Select(r => r.ActionsPerSecond));
            return new Summary(runs[0].Label, runs[0].InFlight, Math.Round(throughput, 1), Median(runs.Select(r => r.P50)), Median(runs.Select(r => r.P99)),
                Medians(r => r.CpuPerAction), Medians(r => r.StatementsPerAction),
                runs[0].WalBytesPerAction is null ? null : Math.Round(Median(runs.Select(r => r.WalBytesPerAction ?? 0))),
                reference is null ? null : Math.Round(throughput / reference.ActionsPerSecond, 3));
        }

        public string Describe() =>
            $"  {Label,-28} {InFlight,3} in flight: {ActionsPerSecond,7:0} actions/s{(ThroughputRatio is { } r ? $" ({r:P0})" : "        ")}  p50 {P50,6:0.0}  p99 {P99,6:0.0} ms  " +
            $"CPU ms/action {string.Join(", ", CpuPerAction.Select(c => $"{c.Key} {c.Value:0.00}"))}" +
            (StatementsPerAction.Count > 0 ? $"  statements/action {string.Join(", ", StatementsPerAction.Where(s => s.Value >= 0.05).Select(s => $"{s.Key} {s.Value:0.0}"))}" : "") +
            (WalBytesPerAction is { } w ? $"  WAL {w / 1024:0.0} KiB" : "");
    }
}
