using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.BuildingBlocks.Hosting;
using Microsoft.Data.Sqlite;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// All-in-one mode killed with SIGKILL at seeded random moments under a bounded load of publications and
/// negotiations, restarted on the same data folder each time: every event committed before a kill reaches
/// every consumer exactly once.
/// </summary>
[RunsAbout(180)]
public sealed class CrashRecoveryTests : IDisposable
{
    private static readonly string[] Modules = ["catalog", "contracts", "pricing", "identity"];

    private readonly string _folder = Directory.CreateTempSubdirectory("marketplace-crash-").FullName;

    [Fact]
    public async Task Events_committed_before_a_kill_reach_every_consumer_exactly_once_after_restart()
    {
        var random = new Random(20261130);
        var kills = 0;
        var published = 0;
        var finalized = 0;
        // Three kills: each lands among commits of a round of its own (the suite's budget pays for processes, not rounds).
        for (; kills < 3; kills++)
        {
            await using var host = HostProcess.Start("all", new Dictionary<string, string>(), _folder);
            await host.WaitUntilHealthyAsync();
            using var provider = await Tokens.DemoAsync(host.BaseAddress!, "demo-provider-x");
            using var buyer = await Tokens.DemoAsync(host.BaseAddress!, "demo-buyer-b");
            var dataset = await DemoDatasetAsync(host);
            var price = await NegotiationClient.ReferencePriceAsync(buyer, dataset);

            using var stop = new CancellationTokenSource();
            var load = new[]
            {
                Loop(() => PublishAsync(provider), () => Interlocked.Increment(ref published), stop.Token),
                Loop(() => NegotiationClient.DriveAsync(buyer, provider, dataset, price, "FINALIZED"), () => Interlocked.Increment(ref finalized), stop.Token),
                Loop(() => NegotiationClient.DriveAsync(buyer, provider, dataset, price, "FINALIZED"), () => Interlocked.Increment(ref finalized), stop.Token),
            };

            // Wait for real progress in this round first, so the kill lands among commits, then at a seeded random moment.
            var (publishedBefore, finalizedBefore) = (Volatile.Read(ref published), Volatile.Read(ref finalized));
            await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref published) > publishedBefore && Volatile.Read(ref finalized) > finalizedBefore),
                TimeSpan.FromSeconds(120), "the load to make progress");
            await Task.Delay(random.Next(0, 1500));
            await host.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        await using (var last = HostProcess.Start("all", new Dictionary<string, string>(), _folder))
        {
            await last.WaitUntilHealthyAsync();
            await Eventually.HoldsAsync(async () => await UnsentAsync() == 0, TimeSpan.FromSeconds(120), "every outbox to be delivered");
        }

        var events = await EventsAsync();
        Assert.Equal(3, kills);
        Assert.True(events.Count(e => e.Type == "DatasetPublished") >= published, "every publication the API confirmed has its event");
        Assert.True(events.Count(e => e.Type == "ContractFinalized") >= finalized, "every finalization the API confirmed has its event");
        var missing = new List<string>();
        foreach (var (messageId, type) in events)
        {
            foreach (var (module, consumer) in EventConsumers.ByEvent.GetValueOrDefault(type, []))
            {
                var times = await ScalarAsync(module, "SELECT count(*) FROM inbox_messages WHERE message_id = $id AND consumer = $consumer",
                    ("$id", messageId), ("$consumer", consumer));
                if (times != 1)
                {
                    missing.Add($"{type} {messageId} reached {consumer} {times} times");
                }
            }
        }

        Assert.Empty(missing);
        // Exactly once in effect, too: one agreement record per finalized agreement.
        Assert.Equal(events.Count(e => e.Type == "ContractFinalized"), await ScalarAsync("pricing", "SELECT count(*) FROM agreements"));
    }

    private static async Task Loop(Func<Task> work, Action done, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await work();
                done();
            }
            catch (Exception) when (!stop.IsCancellationRequested)
            {
                // The process was killed under this request; the next loop round ends.
                await Task.Delay(50, CancellationToken.None);
            }
            catch (Exception)
            {
                return;
            }
        }
    }

    private static async Task PublishAsync(HttpClient provider)
    {
        var draft = await NegotiationClient.ExpectAsync(await provider.PostAsJsonAsync("/api/catalog/datasets", DatasetClient.PublishableDocument("크래시 시험 센서 데이터")), System.Net.HttpStatusCode.Created);
        await NegotiationClient.ExpectAsync(await provider.PostAsync($"/api/catalog/datasets/{draft.GetProperty("id").GetGuid()}/publish", null), System.Net.HttpStatusCode.OK);
    }

    private static async Task<Guid> DemoDatasetAsync(HostProcess host)
    {
        using var anonymous = host.CreateClient();
        var page = await anonymous.GetFromJsonAsync<JsonElement>(
            $"/api/catalog/datasets?processStage=production&dataType=sensor-time-series&provider={DemoOrganisations.ProviderX}&limit=1");
        return page.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    private async Task<long> UnsentAsync()
    {
        long unsent = 0;
        foreach (var module in Modules)
        {
            unsent += await ScalarAsync(module, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");
        }

        return unsent;
    }

    private async Task<List<(string MessageId, string Type)>> EventsAsync()
    {
        var events = new List<(string, string)>();
        foreach (var module in Modules)
        {
            await using var connection = Open(module);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT message_id, type FROM outbox_messages";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                events.Add((reader.GetString(0), reader.GetString(1).Split('.')[^1]));
            }
        }

        return events;
    }

    private async Task<long> ScalarAsync(string module, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Open(module);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private SqliteConnection Open(string module)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "data", module + ".db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
