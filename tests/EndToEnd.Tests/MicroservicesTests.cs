using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.BuildingBlocks.IntegrationEvents;
using MassTransit;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Marketplace.EndToEnd.Tests;

public sealed class MicroservicesFixture : IAsyncLifetime
{
    public MicroservicesCluster Cluster { get; private set; } = null!;

    /// <summary>A provider organisation registered through the gateway and verified by the administrator.</summary>
    public HttpClient Provider { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // On quorum queues, as in production on a RabbitMQ cluster (one node here: replication is another test's business).
        Cluster = await MicroservicesCluster.StartAsync(settings: new Dictionary<string, string> { ["Marketplace:Bus:QuorumQueues"] = "true" });
        Provider = await Cluster.RegisterVerifiedAsync("provider");
    }

    public async Task DisposeAsync()
    {
        Provider.Dispose();
        await Cluster.DisposeAsync();
    }
}

/// <summary>Microservices mode: every target its own process, PostgreSQL and RabbitMQ, clients through the gateway.</summary>
[RunsAbout(90)]
public sealed class MicroservicesTests(MicroservicesFixture fixture) : IClassFixture<MicroservicesFixture>
{
    private MicroservicesCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Published_dataset_reaches_contracts_through_the_gateway()
    {
        var client = fixture.Provider;
        var draft = await DatasetClient.CreateDraftAsync(client);
        await DatasetClient.PublishAsync(client, draft.Id);

        var copy = await DatasetClient.AwaitInContractsAsync(client, draft.Id);

        Assert.Equal(draft.TitleKo, copy.TitleKo);
        // Browsing published datasets is public at the gateway; Contracts' copy is not.
        using var anonymous = Cluster.Gateway.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/catalog/datasets/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/contracts/datasets/{draft.Id}")).StatusCode);
        Assert.Equal(1, copy.Version);
        var messageId = await SingleOutboxMessageIdAsync(draft.Id);
        Assert.Equal(1, await InboxRowsAsync(messageId));
    }

    [Fact]
    public async Task A_suspended_organisation_is_refused_by_every_service_within_seconds_through_the_gateway()
    {
        using var anonymous = Cluster.Gateway.CreateClient();
        using var admin = await Tokens.SignedInAsync(Cluster.Gateway.BaseAddress!, MicroservicesCluster.AdminClientId, MicroservicesCluster.AdminClientSecret);
        var registered = await Organisations.RegisterAsync(anonymous, "buyer", admin);

        await Organisations.SuspensionReachesEveryModuleAsync(admin, anonymous, registered);
    }

    [Fact]
    public async Task Gateway_serves_every_module_document_and_the_swagger_ui()
    {
        using var client = Cluster.Gateway.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/index.html")).StatusCode);
        foreach (var module in MicroservicesCluster.ServiceTargets)
        {
            var document = await client.GetFromJsonAsync<JsonElement>($"/openapi/{module}.json");
            Assert.Contains(module, document.GetProperty("info").GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_demo_story_runs_through_generated_clients_at_the_gateway_and_every_answer_is_documented()
    {
        var log = new GeneratedClients.RecordedExchanges();
        await GeneratedClients.GeneratedClientStory.RunAsync(Cluster.Gateway.BaseAddress!, MicroservicesCluster.AdminClientId, MicroservicesCluster.AdminClientSecret, log);

        var undocumented = log.Undocumented();
        Assert.True(undocumented.Count == 0, string.Join('\n', undocumented));
    }

    [Fact]
    public async Task Gateway_forwards_discovery_and_keys_to_the_identity_service()
    {
        using var client = Cluster.Gateway.CreateClient();
        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        Assert.EndsWith("/connect/token", discovery.GetProperty("token_endpoint").GetString());

        var keys = await client.GetFromJsonAsync<JsonElement>("/.well-known/jwks");
        var key = Assert.Single(keys.GetProperty("keys").EnumerateArray());
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
    }

    [Fact]
    public async Task A_person_accepts_an_invitation_and_signs_in_with_code_and_pkce_through_the_gateway()
    {
        using var anonymous = Cluster.Gateway.CreateClient();
        var registered = await Organisations.RegisterAsync(anonymous, "provider", verifyingAdmin: null);
        Assert.Equal(Cluster.Gateway.BaseAddress!.Authority, registered.InvitationUrl.Authority);
        Assert.Equal(HttpStatusCode.Created, (await People.AcceptInvitationAsync(registered.InvitationUrl, "Jung Hoon", "gateway password 1")).StatusCode);

        var tokens = await People.SignInAsync(Cluster.Gateway.BaseAddress!, registered.ContactEmail, "gateway password 1");
        using var person = Cluster.Gateway.CreateClient();
        person.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync($"/api/identity/organisations/{registered.OrganisationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await person.PostAsJsonAsync("/api/catalog/datasets", new { titleEn = "Signed in as a person" })).StatusCode);
        Assert.True((await People.RefreshAsync(anonymous, tokens.RefreshToken!)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Writes_need_a_token_and_the_provider_role_through_the_gateway()
    {
        using var anonymous = Cluster.Gateway.CreateClient();
        var noToken = await anonymous.PostAsJsonAsync("/api/catalog/datasets", new { titleEn = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        // Browsing is public through the gateway; a provider's own list is not, though it is a GET too.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/catalog/datasets?q=%EC%82%AC%EC%B6%9C&dataType=sensor-time-series")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/catalog/dcat")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/catalog/datasets/mine")).StatusCode);

        using var buyer = await Cluster.RegisterVerifiedAsync("buyer");
        var wrongRole = await buyer.PostAsJsonAsync("/api/catalog/datasets", new { titleEn = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
    }

    [Fact]
    public async Task A_whole_negotiation_through_the_gateway_ends_in_a_grant_verified_with_the_public_jwks_only()
    {
        var provider = fixture.Provider;
        var (registered, dataset) = await BuyerAndDatasetAsync();
        using var buyer = registered;
        var band = await NegotiationClient.BandAsync(buyer, dataset);
        var (floor, reference) = (band.GetProperty("bandFloorKrw").GetDecimal(), band.GetProperty("referencePriceKrw").GetDecimal());

        var n = await NegotiationClient.OpenAsync(buyer, dataset, floor);
        var id = n.GetProperty("id").GetGuid();
        await NegotiationClient.ActOkAsync(provider, id, "offer", new { priceKrw = reference });
        await NegotiationClient.ActOkAsync(buyer, id, "accept");
        n = await NegotiationClient.VerifyAsync(buyer, await NegotiationClient.ActOkAsync(provider, id, "agree"));
        n = await NegotiationClient.ActOkAsync(provider, id, "finalize");
        Assert.Equal("FINALIZED", n.GetProperty("state").GetString());
        var agreementId = n.GetProperty("agreementId").GetGuid();
        var grant = (await NegotiationClient.ExpectAsync(await buyer.PostAsync($"/api/contracts/agreements/{agreementId}/grants", null), HttpStatusCode.Created))
            .GetProperty("grant").GetString()!;

        // The provider's side (examples/ProviderDataEndpoint): only the JWKS, fetched anonymously through the
        // gateway, and its own organisation id.
        using var anonymous = Cluster.Gateway.CreateClient();
        var providerOrganisation = Guid.Parse(new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler()
            .ReadJsonWebToken(provider.DefaultRequestHeaders.Authorization!.Parameter).GetClaim("org_id").Value);
        var verifier = new ProviderDataEndpoint.GrantVerifier(await anonymous.GetStringAsync("/api/contracts/jwks"), providerOrganisation);
        Assert.Null(await verifier.RefuseAsync(grant, dataset));
        Assert.NotNull(await verifier.RefuseAsync(grant, Guid.NewGuid()));

        // Pricing records the agreement from ContractFinalized, over RabbitMQ.
        await Eventually.HoldsAsync(async () => await Sql.CountAsync(Cluster.ConnectionString("pricing"),
            "SELECT count(*) FROM agreements WHERE agreement_id = @id", ("id", agreementId)) == 1, TimeSpan.FromSeconds(20), "Pricing to record the agreement");
    }

    [Fact]
    public async Task A_connector_reads_the_dataspace_protocol_catalog_through_the_gateway()
    {
        var provider = fixture.Provider;
        var (registered, dataset) = await BuyerAndDatasetAsync();
        using var buyer = registered;
        var price = await NegotiationClient.ReferencePriceAsync(buyer, dataset);
        var offer = await NegotiationClient.ExpectAsync(await provider.PostAsJsonAsync($"/api/contracts/datasets/{dataset}/standard-offers",
            new { terms = NegotiationClient.Terms(), priceKrw = price, autoAgree = true }), HttpStatusCode.Created);

        // MET:01-01 at the gateway's root (not forwarded to Identity's /.well-known/), then CAT:01-01 to 03 under the path it names.
        using var anonymous = Cluster.Gateway.CreateClient();
        var dsp = await new DspConsumer(anonymous).VersionAsync();
        var connector = new DspConsumer(buyer);
        var catalog = await connector.CatalogAsync($"{dsp}/catalog/request");
        Assert.Equal(HttpStatusCode.OK, catalog.Status);
        var listed = Assert.Single(catalog.Compacted.GetProperty("dataset").EnumerateArray(), d => d.GetProperty("@id").GetString()!.EndsWith($"/{dataset}", StringComparison.Ordinal));
        Assert.EndsWith($"/standard-offers/{offer.GetProperty("id")}", listed.GetProperty("hasPolicy")[0].GetProperty("@id").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await connector.DatasetAsync($"{dsp}/catalog/datasets/{dataset}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await connector.DatasetAsync($"{dsp}/catalog/datasets/{Guid.NewGuid()}")).Status);
    }

    /// <summary>The DSP TCK's provider cases through the gateway, Contracts' own process posting the callbacks.</summary>
    [Theory]
    [MemberData(nameof(DspProviderTck.Names), MemberType = typeof(DspProviderTck))]
    public async Task DSP_TCK_provider_case_through_the_gateway(string tckCase)
    {
        var (registered, _) = await BuyerAndDatasetAsync();
        using var buyer = registered;
        var organisation = Guid.Parse(new JsonWebToken(buyer.DefaultRequestHeaders.Authorization!.Parameter!).GetClaim("org_id").Value);
        await DspProviderTck.PlayAsync(tckCase, fixture.Provider, buyer, organisation);
    }

    /// <summary>A default baseline published, a newly registered and verified buyer, and a dataset of the fixture's provider in Contracts.</summary>
    private async Task<(HttpClient Buyer, Guid Dataset)> BuyerAndDatasetAsync()
    {
        using var admin = await Tokens.SignedInAsync(Cluster.Gateway.BaseAddress!, MicroservicesCluster.AdminClientId, MicroservicesCluster.AdminClientSecret);
        var baseline = await NegotiationClient.ExpectAsync(await admin.PostAsJsonAsync("/api/pricing/baselines", NegotiationClient.DefaultBaseline()), HttpStatusCode.Created);
        await NegotiationClient.ExpectAsync(await admin.PostAsJsonAsync($"/api/pricing/baselines/{baseline.GetProperty("id")}/publish", new { }), HttpStatusCode.OK);
        var buyer = await Cluster.RegisterVerifiedAsync("buyer");
        return (buyer, await NegotiationClient.PublishDatasetAsync(fixture.Provider));
    }

    [Fact]
    public async Task With_quorum_queues_configured_every_consumer_queue_is_a_quorum_queue()
    {
        var queues = await TestServices.RabbitMqQueuesAsync(new Uri(Cluster.RabbitMqUri).AbsolutePath.TrimStart('/'));
        string[] consumers = ["contracts-copy-published-dataset", "pricing-copy-published-dataset", "contracts-keep-baseline-copy", "pricing-record-agreement"];
        foreach (var queue in consumers)
        {
            Assert.True(queues.TryGetValue(queue, out var declared), $"{queue} is not declared; queues: {string.Join(", ", queues.Keys)}");
            Assert.Equal("quorum", declared.Type);
        }

        // Every durable consumer queue: only MassTransit's per-process temporary queues (bus endpoints) stay classic.
        Assert.All(queues.Where(q => q.Key.StartsWith("contracts-", StringComparison.Ordinal) || q.Key.StartsWith("pricing-", StringComparison.Ordinal)
            || q.Key.StartsWith("catalog-", StringComparison.Ordinal) || q.Key.StartsWith("identity-", StringComparison.Ordinal)), q => Assert.Equal("quorum", q.Value.Type));
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_applied_once()
    {
        var datasetId = Guid.NewGuid();
        var messageId = NewId.NextGuid();
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new Uri(Cluster.RabbitMqUri)));
        await bus.StartAsync();
        try
        {
            var original = new DatasetPublished(datasetId, 1, Guid.NewGuid(), "금형 온도", "Mould temperature", DateTime.UtcNow, Facts.PublicDataset);
            await bus.Publish(original, ctx => ctx.MessageId = messageId);
            var client = fixture.Provider;
            await DatasetClient.AwaitInContractsAsync(client, datasetId);

            // A redelivery carries the same id. Give it a newer version and title so that applying it would show.
            await bus.Publish(original with { Version = 2, TitleKo = "중복" }, ctx => ctx.MessageId = messageId);
            await Eventually.HoldsAsync(
                () => Task.FromResult(Cluster.Service("contracts").Output.Contains($"Skipping duplicate DatasetPublished {messageId}")),
                TimeSpan.FromSeconds(30), "Contracts to receive and skip the duplicate");

            var copy = await DatasetClient.FindInContractsAsync(client, datasetId);
            Assert.Equal(1, copy!.Version);
            Assert.Equal("금형 온도", copy.TitleKo);
            Assert.Equal(1, await InboxRowsAsync(messageId));
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    private Task<long> InboxRowsAsync(Guid messageId) =>
        Sql.CountAsync(Cluster.ConnectionString("contracts"), "SELECT count(*) FROM inbox_messages WHERE message_id = @id", ("id", messageId));

    private async Task<Guid> SingleOutboxMessageIdAsync(Guid datasetId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Cluster.ConnectionString("catalog"));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT message_id FROM outbox_messages WHERE payload LIKE @id AND sent_at IS NOT NULL", connection);
        command.Parameters.AddWithValue("id", $"%{datasetId}%");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "the outbox row is marked sent");
        var id = reader.GetGuid(0);
        Assert.False(await reader.ReadAsync(), "exactly one outbox row for the dataset");
        return id;
    }
}
