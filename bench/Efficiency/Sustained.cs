using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Marketplace.Bench.Efficiency;

/// <summary>
/// One long run from a fresh start (no warm-up): throughput per minute (the first minute against the steady state after
/// it), the outbox backlog of every module database sampled each second, and event latency from the outbox row's
/// <c>occurred_at</c> (written in the producing transaction) to each consumer's inbox row (<c>processed_at</c>, written in
/// the consuming transaction), per minute. Reads the module databases (<c>marketplace_*</c>) of the PostgreSQL given.
/// </summary>
internal sealed record Sustained(
    string Label, int InFlight, double Seconds, int Actions, int Failures, string? FirstFailure, double[] ActionsPerSecondByMinute,
    double[] ActionsPerSecondBy10Seconds, double FirstMinuteRatio, double EventsPerSecond, long MaxBacklog, double MaxBacklogSeconds,
    double MaxOldestUnsentSeconds, double SentP95, int Deliveries, int Undelivered, double LatencyP50, double LatencyP95, double LatencyP99,
    double LatencyMax, double[] LatencyP95ByMinute, double CpuWaitPerRunMs, double CpuWaitShare)
{
    public static async Task<Sustained> MeasureAsync(Target target, int inFlight, TimeSpan duration, NpgsqlDataSource postgres, string connection)
    {
        var modules = await ModuleDatabasesAsync(postgres, connection);
        var completions = new ConcurrentQueue<double>();
        var failures = new ConcurrentQueue<string>();
        var backlog = new List<(double At, long Rows, double OldestSeconds)>();
        var waits = new RunQueue();
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
            try
            {
                while (await tick.WaitForNextTickAsync(sampling.Token))
                {
                    if (clock.Elapsed < duration)
                    {
                        waits.Sample();
                    }

                    long rows = 0;
                    var oldest = 0.0;
                    foreach (var module in modules)
                    {
                        var (count, since) = await UnsentAsync(module);
                        rows += count;
                        oldest = Math.Max(oldest, since is { } at ? (DateTime.UtcNow - at).TotalSeconds : 0);
                    }

                    lock (backlog)
                    {
                        backlog.Add((clock.Elapsed.TotalSeconds, rows, oldest));
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The run, and what it left behind, is over.
            }
        });
        await target.LoadAsync(inFlight, duration, (what, ms) =>
        {
            if (ms < 0)
            {
                failures.Enqueue(what);
            }
            else
            {
                completions.Enqueue(clock.Elapsed.TotalSeconds);
            }
        });
        var seconds = clock.Elapsed.TotalSeconds;
        var ended = DateTime.UtcNow;
        // Until the outbox is empty again (what the run left behind), at most a minute.
        while (clock.Elapsed.TotalSeconds < seconds + 60 && Last() > 0)
        {
            await Task.Delay(500);
        }

        long Last()
        {
            lock (backlog)
            {
                return backlog.Count == 0 ? 1 : backlog[^1].Rows;
            }
        }

        await sampling.CancelAsync();
        await sampler;

        double[] Rate(double bucket) => Enumerable.Range(0, (int)Math.Floor(seconds / bucket))
            .Select(i => Math.Round(completions.Count(c => c >= i * bucket && c < (i + 1) * bucket) / bucket, 1)).ToArray();
        var minutes = Rate(60);
        var steady = minutes.Skip(1).DefaultIfEmpty(0).Average();

        var produced = new Dictionary<Guid, DateTime>();
        var sent = new List<double>();
        var delivered = new List<(Guid Id, DateTime At)>();
        foreach (var module in modules)
        {
            await ReadEventsAsync(module, started, ended, produced, sent, delivered);
        }

        var latencies = delivered.Where(d => produced.ContainsKey(d.Id))
            .Select(d => (Minute: (int)((produced[d.Id] - started).TotalSeconds / 60), Ms: (d.At - produced[d.Id]).TotalMilliseconds)).ToList();
        var sorted = latencies.Select(l => l.Ms).Order().ToArray();
        var eventsPerSecond = produced.Count / seconds;
        var maxBacklog = backlog.Where(b => b.At <= seconds).Select(b => b.Rows).DefaultIfEmpty(0).Max();
        foreach (var module in modules)
        {
            await module.DisposeAsync();
        }

        return new Sustained(
            target.Label, inFlight, Math.Round(seconds, 1), completions.Count, failures.Count, failures.FirstOrDefault(), minutes, Rate(10),
            steady == 0 ? 0 : Math.Round(minutes[0] / steady, 3), Math.Round(eventsPerSecond, 1), maxBacklog,
            Math.Round(maxBacklog / Math.Max(eventsPerSecond, 1), 2),
            Math.Round(backlog.Where(b => b.At <= seconds).Select(b => b.OldestSeconds).DefaultIfEmpty(0).Max(), 2),
            Math.Round(Percentiles.Of(sent.Order().ToArray(), 0.95), 1),
            latencies.Count, produced.Count - delivered.Select(d => d.Id).Where(produced.ContainsKey).Distinct().Count(),
            Math.Round(Percentiles.Of(sorted, 0.5), 1), Math.Round(Percentiles.Of(sorted, 0.95), 1), Math.Round(Percentiles.Of(sorted, 0.99), 1),
            Math.Round(sorted.DefaultIfEmpty(0).Max(), 1),
            latencies.GroupBy(l => l.Minute).OrderBy(g => g.Key).Select(g => Math.Round(Percentiles.Of(g.Select(l => l.Ms).Order().ToArray(), 0.95), 1)).ToArray(),
            Math.Round(waits.WaitPerRunMs, 2), Math.Round(waits.WaitShare, 2));
    }

    public string Describe() =>
        $"[{Label}] {InFlight} in flight for {Seconds:0} s from a fresh start: {Actions} actions, {Failures} failed" +
        $"\n  actions/s by minute: {string.Join(", ", ActionsPerSecondByMinute)}; first minute {FirstMinuteRatio:P0} of the minutes after it" +
        $"\n  actions/s by 10 s: {string.Join(", ", ActionsPerSecondBy10Seconds)}" +
        $"\n  events produced {EventsPerSecond:0.0}/s; outbox backlog at most {MaxBacklog} rows ({MaxBacklogSeconds:0.00} s of production), oldest unsent at most {MaxOldestUnsentSeconds:0.00} s; marked sent (broker confirmed) after p95 {SentP95:0.0} ms" +
        $"\n  event latency, commit to consumer's commit, {Deliveries} deliveries ({Undelivered} events no consumer took: some types have none): p50 {LatencyP50:0.0} p95 {LatencyP95:0.0} p99 {LatencyP99:0.0} max {LatencyMax:0.0} ms" +
        $"\n  p95 by minute: {string.Join(", ", LatencyP95ByMinute.Select(p => $"{p:0.0}"))} ms" +
        $"\n  waiting for a CPU (every thread on the machine, during the load): {CpuWaitPerRunMs:0.00} ms each time a thread was put on a CPU; {CpuWaitShare:0.0} threads waiting on average" + (FirstFailure is { } f ? $"\n  first failure: {f}" : "");

    private static async Task<List<NpgsqlDataSource>> ModuleDatabasesAsync(NpgsqlDataSource postgres, string connection)
    {
        await using var command = postgres.CreateCommand("SELECT datname FROM pg_database WHERE datname LIKE 'marketplace\\_%' ORDER BY datname");
        await using var reader = await command.ExecuteReaderAsync();
        var modules = new List<NpgsqlDataSource>();
        while (await reader.ReadAsync())
        {
            modules.Add(NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connection) { Database = reader.GetString(0) }.ConnectionString));
        }

        return modules;
    }

    private static async Task<(long Rows, DateTime? Oldest)> UnsentAsync(NpgsqlDataSource module)
    {
        await using var command = module.CreateCommand("SELECT count(*), min(occurred_at) FROM outbox_messages WHERE sent_at IS NULL");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetDateTime(1));
    }

    private static async Task ReadEventsAsync(NpgsqlDataSource module, DateTime from, DateTime to, Dictionary<Guid, DateTime> produced, List<double> sent, List<(Guid, DateTime)> delivered)
    {
        await using (var command = module.CreateCommand("SELECT message_id, occurred_at, sent_at FROM outbox_messages WHERE occurred_at BETWEEN $1 AND $2"))
        {
            command.Parameters.Add(new() { Value = from });
            command.Parameters.Add(new() { Value = to });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                produced[reader.GetGuid(0)] = reader.GetDateTime(1);
                if (!reader.IsDBNull(2))
                {
                    sent.Add((reader.GetDateTime(2) - reader.GetDateTime(1)).TotalMilliseconds);
                }
            }
        }

        await using (var command = module.CreateCommand("SELECT message_id, processed_at FROM inbox_messages WHERE processed_at >= $1"))
        {
            command.Parameters.Add(new() { Value = from });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                delivered.Add((reader.GetGuid(0), reader.GetDateTime(1)));
            }
        }
    }

    /// <summary>
    /// How long runnable threads wait for a CPU, machine-wide, from each thread's <c>/proc/[pid]/task/[tid]/schedstat</c>
    /// (time on a CPU, time waiting on a run queue, times put on a CPU): every hop of an event (a socket completion, a
    /// thread-pool work item, a database backend woken by a query) waits this long before it runs.
    /// </summary>
    private sealed class RunQueue
    {
        private Dictionary<string, (long Waited, long Runs)> _previous = [];
        private DateTime _since;
        private long _waited;
        private long _runs;
        private double _seconds;

        public double WaitPerRunMs => _runs == 0 ? 0 : _waited / 1e6 / _runs;

        public double WaitShare => _seconds == 0 ? 0 : _waited / 1e9 / _seconds;

        public void Sample()
        {
            var now = DateTime.UtcNow;
            var current = new Dictionary<string, (long, long)>(_previous.Count);
            foreach (var task in Directory.EnumerateDirectories("/proc").SelectMany(Tasks))
            {
                try
                {
                    var fields = File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ');
                    var sample = (long.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[2], CultureInfo.InvariantCulture));
                    current[task] = sample;
                    if (_previous.TryGetValue(task, out var before))
                    {
                        _waited += sample.Item1 - before.Waited;
                        _runs += sample.Item2 - before.Runs;
                    }
                }
                catch (IOException)
                {
                    // The thread ended between listing and reading.
                }
            }

            if (_previous.Count > 0)
            {
                _seconds += (now - _since).TotalSeconds;
            }

            _previous = current;
            _since = now;
        }

        private static IEnumerable<string> Tasks(string process)
        {
            try
            {
                return int.TryParse(Path.GetFileName(process), out _) ? Directory.GetDirectories(Path.Combine(process, "task")) : [];
            }
            catch (IOException)
            {
                return [];
            }
        }
    }
}
