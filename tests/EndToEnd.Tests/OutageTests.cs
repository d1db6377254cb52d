using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// Broker and database outages, on a PostgreSQL and RabbitMQ of these tests' own so that stopping them
/// disturbs nothing else.
/// </summary>
[RunsAbout(110)]
public sealed class OutageTests : IAsyncLifetime
{
    private PrivateServices _services = null!;

    public async Task InitializeAsync() => _services = await PrivateServices.StartAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Event_published_while_RabbitMQ_is_down_is_delivered_exactly_once_after_it_returns()
    {
        await using var cluster = await MicroservicesCluster.StartAsync(_services.Postgres, _services.RabbitMqUri);
        using var client = await cluster.RegisterVerifiedAsync("provider");
        var draft = await DatasetClient.CreateDraftAsync(client);

        await _services.StopRabbitMqAsync();
        // Publishing needs only Catalog's own database: the event waits in the outbox.
        await DatasetClient.PublishAsync(client, draft.Id);
        // The dispatcher has tried (and failed) to publish: the event is kept for the next attempt, and nothing arrived.
        await Eventually.HoldsAsync(async () => await OutboxAsync(cluster, "sent_at IS NULL AND attempts > 0") == 1, TimeSpan.FromSeconds(60),
            "the event to be kept and retried while the broker is away");
        Assert.Null(await DatasetClient.FindInContractsAsync(client, draft.Id));

        await _services.StartRabbitMqAsync();
        var copy = await DatasetClient.AwaitInContractsAsync(client, draft.Id, TimeSpan.FromSeconds(60));

        Assert.Equal(draft.TitleKo, copy.TitleKo);
        Assert.Equal(1, await OutboxAsync(cluster, "sent_at IS NOT NULL"));
        Assert.Equal(1, await Sql.CountAsync(cluster.ConnectionString("contracts"), "SELECT count(*) FROM inbox_messages WHERE consumer = 'CopyPublishedDatasetConsumer'"));
        Assert.Equal(1, await Sql.CountAsync(cluster.ConnectionString("contracts"), "SELECT count(*) FROM dataset_copies"));
    }

    [Fact]
    public async Task Ready_reports_unhealthy_while_PostgreSQL_is_down_and_healthy_after_it_returns()
    {
        var rabbitMq = _services.RabbitMqUri;
        await using var catalog = HostProcess.Start("catalog", new Dictionary<string, string>
        {
            ["Marketplace:Database:Postgres"] = _services.Postgres,
            ["Marketplace:Bus:RabbitMqUri"] = rabbitMq,
        });
        await catalog.WaitUntilHealthyAsync();
        using var client = catalog.CreateClient();

        await _services.StopPostgresAsync();
        var down = await Eventually.GetAsync(async () =>
        {
            var response = await client.GetAsync("/health/ready");
            return response.StatusCode == HttpStatusCode.ServiceUnavailable ? await response.Content.ReadFromJsonAsync<JsonElement>() : (JsonElement?)null;
        }, TimeSpan.FromSeconds(30), "readiness to report the database down");
        Assert.Equal("Unhealthy", down!.Value.GetProperty("checks").GetProperty("catalog-database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        await _services.StartPostgresAsync();
        await Eventually.HoldsAsync(
            async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "readiness to recover with the database");
    }

    private static Task<long> OutboxAsync(MicroservicesCluster cluster, string condition) =>
        Sql.CountAsync(cluster.ConnectionString("catalog"), $"SELECT count(*) FROM outbox_messages WHERE {condition}");
}
