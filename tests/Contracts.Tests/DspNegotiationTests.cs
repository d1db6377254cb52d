using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.BuildingBlocks.Hosting;

namespace Marketplace.Contracts.Tests;

/// <summary>
/// The Dataspace Protocol's contract negotiation, provider side, as a buyer's registered connector meets it: the DSP TCK's
/// provider cases (<see cref="DspProviderTck"/>, on SQLite; through the gateway they run on PostgreSQL) and the requests
/// the marketplace refuses and counter-offers on terms, on both stores (the fixtures of <see cref="ContractsApiTests"/>). A DSP negotiation is the REST API's negotiation: the same id, states, band and agreement.
/// </summary>
public abstract partial class ContractsApiTests
{
    /// <summary>
    /// One of the TCK's provider cases, as the demo provider and buyer A's connector: played on SQLite all-in-one (the
    /// theory is <see cref="ContractsApiOnSqlite"/>'s) and through the gateway in microservices mode on PostgreSQL.
    /// </summary>
    protected async Task PlayTckCaseAsync(string tckCase)
    {
        using var provider = await As("demo-provider-x");
        using var buyerA = await As("demo-buyer-a");
        await DspProviderTck.PlayAsync(tckCase, provider, buyerA, DemoOrganisations.BuyerA);
    }

    [Fact]
    public async Task Requests_the_marketplace_cannot_take_are_negotiation_errors_and_open_nothing_and_an_unknown_id_is_not_found()
    {
        // A buyer organisation of its own, so that "nothing opened" is its empty list.
        using var anonymous = market.Host.CreateClient();
        using var admin = await As("demo-admin");
        var registered = await Organisations.RegisterAsync(anonymous, "buyer", admin);
        using var buyer = await Tokens.SignedInAsync(market.BaseAddress, registered.ClientId, registered.ClientSecret);
        using var buyerB = await As("demo-buyer-b");
        using var provider = await As("demo-provider-x");
        await using var setup = await DspSetup.StartAsync(provider, buyer, registered.OrganisationId);
        var offer = await setup.PublishOfferAsync(autoAgree: false);
        var (consumer, dsp, callback) = (setup.Consumer, setup.Dsp, setup.Callbacks.BaseAddress);

        async Task<string> RefusedAsync(DspConsumer who, HttpStatusCode status, string offerIri, string callback, decimal? payAmount = null)
        {
            var answer = await who.RequestNegotiationAsync(dsp, offerIri, "urn:uuid:refused", callback, payAmount);
            Assert.Equal(status, answer.Status);
            Assert.Equal(("ContractNegotiationError", "urn:uuid:refused"), (answer.Compacted.GetProperty("@type").GetString(), answer.Compacted.GetProperty("consumerPid").GetString()));
            return answer.Compacted.GetProperty("reason")[0].GetString()!;
        }

        // A plain API client is no connector; a callback elsewhere than registered; an offer not in the catalog; another price.
        Assert.Contains("not a registered connector", await RefusedAsync(new DspConsumer(buyer), HttpStatusCode.Forbidden, OfferIri(offer), callback));
        Assert.Contains(callback, await RefusedAsync(consumer, HttpStatusCode.BadRequest, OfferIri(offer), "https://elsewhere.example/dsp"));
        Assert.Contains(callback, await RefusedAsync(consumer, HttpStatusCode.BadRequest, OfferIri(offer), $"{callback}x"));
        Assert.Contains("offer:", await RefusedAsync(consumer, HttpStatusCode.BadRequest, "https://other.example/offers/1", callback));
        await RefusedAsync(consumer, HttpStatusCode.NotFound, OfferIri(Guid.NewGuid()), callback);
        // A counter-offer on the price outside the band: the error names the band, as the REST API's 422 does.
        var outOfBand = await consumer.RequestNegotiationAsync(dsp, OfferIri(offer), "urn:uuid:refused", callback, 1m);
        Assert.Equal(HttpStatusCode.BadRequest, outOfBand.Status);
        Assert.Matches(@"^band: \d+ to \d+ KRW \(reference price \d+ KRW\)$", outOfBand.Compacted.GetProperty("reason")[1].GetString());
        var counter = await consumer.SendAsync($"{dsp}/negotiations/request", "ContractRequestMessage", new Dictionary<string, object>
        {
            ["providerPid"] = Guid.NewGuid().ToString(), ["consumerPid"] = "urn:uuid:refused",
            ["offer"] = new Dictionary<string, object> { ["@id"] = OfferIri(offer), ["@type"] = "Offer", ["permission"] = new[] { new { action = "use" } } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, counter.Status);
        Assert.Contains("/request", counter.Compacted.GetProperty("reason")[0].GetString());
        var notAMessage = await consumer.SendAsync($"{dsp}/negotiations/request", "CatalogRequestMessage",
            new Dictionary<string, object> { ["consumerPid"] = "urn:uuid:refused" }, wellFormed: false);
        Assert.Equal(HttpStatusCode.BadRequest, notAMessage.Status);
        Assert.Equal(0, (await buyer.GetFromJsonAsync<JsonElement>("/api/contracts/negotiations")).GetProperty("items").GetArrayLength());

        // On a negotiation: messages the consumer may not send (FINALIZED is the provider's; a counter-offer names its
        // price), another process id, another organisation (404), an id that is none (404). A callback address under the
        // registered one is taken, and the provider's messages go there.
        var consumerPid = $"urn:uuid:{Guid.NewGuid()}";
        var requested = await consumer.RequestNegotiationAsync(dsp, OfferIri(offer), consumerPid, $"{callback}/edc");
        Assert.Equal((HttpStatusCode.Created, "REQUESTED"), (requested.Status, requested.Compacted.GetProperty("state").GetString()));
        var providerPid = requested.Compacted.GetProperty("providerPid").GetString()!;
        var ids = new Dictionary<string, object> { ["providerPid"] = providerPid, ["consumerPid"] = consumerPid };
        Assert.Equal(HttpStatusCode.BadRequest, (await consumer.SendAsync($"{dsp}/negotiations/{providerPid}/events", "ContractNegotiationEventMessage",
            new Dictionary<string, object>(ids) { ["eventType"] = "FINALIZED" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await consumer.SendAsync($"{dsp}/negotiations/{providerPid}/request", "ContractRequestMessage",
            new Dictionary<string, object>(ids) { ["offer"] = new Dictionary<string, object> { ["@id"] = OfferIri(offer) } }, wellFormed: false)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await consumer.SendAsync($"{dsp}/negotiations/{providerPid}/termination", "ContractNegotiationTerminationMessage",
            new Dictionary<string, object> { ["providerPid"] = providerPid, ["consumerPid"] = "urn:uuid:someone-else" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await new DspConsumer(buyerB).NegotiationAsync($"{dsp}/negotiations/{providerPid}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await consumer.NegotiationAsync($"{dsp}/negotiations/not-a-negotiation")).Status);
        Assert.Equal("REQUESTED", (await consumer.NegotiationAsync($"{dsp}/negotiations/{providerPid}")).Compacted.GetProperty("state").GetString());
        await NegotiationClient.ActOkAsync(setup.Provider, Guid.Parse(providerPid), "offer");
        DspConsumer.Callback(await setup.Callbacks.MessageAsync($"/edc/negotiations/{consumerPid}/offers", DspSetup.CallbackWait), "negotiation/contract-offer-message-schema.json");
    }

    [Fact]
    public async Task An_offer_written_out_with_other_terms_is_a_counter_offer_on_them_and_a_constraint_outside_the_profile_is_refused_by_name()
    {
        using var buyerA = await As("demo-buyer-a");
        using var provider = await As("demo-provider-x");
        await using var setup = await DspSetup.StartAsync(provider, buyerA, DemoOrganisations.BuyerA);
        var offer = await setup.PublishOfferAsync(autoAgree: false);
        var (consumer, dsp, callback, dataset) = (setup.Consumer, setup.Dsp, setup.Callbacks.BaseAddress, setup.Dataset);
        var listed = await setup.ListedOfferAsync();
        JsonNode Listed() => JsonNode.Parse(listed.GetRawText())!;

        // The offer written out unchanged, as EDC sends it: the offer as it is (the standard offer's request).
        var unchanged = await consumer.RequestNegotiationAsync(dsp, Listed(), $"urn:uuid:{Guid.NewGuid()}", callback);
        Assert.Equal(HttpStatusCode.Created, unchanged.Status);
        var rest = await buyerA.GetFromJsonAsync<JsonElement>($"/api/contracts/negotiations/{unchanged.Compacted.GetProperty("providerPid").GetString()}");
        Assert.Equal(offer, rest.GetProperty("standardOfferId").GetGuid());

        // Twelve months instead of 24 at the band's reference for twelve: a request at those terms, no standard offer's.
        var price = await NegotiationClient.ReferencePriceAsync(buyerA, dataset, NegotiationClient.Terms("ai-training", 12));
        var shorter = Listed();
        Set(shorter, "elapsedTime", new JsonObject { ["@value"] = "P12M", ["@type"] = "http://www.w3.org/2001/XMLSchema#duration" });
        Set(shorter, "payAmount", new JsonObject { ["@value"] = price.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var consumerPid = $"urn:uuid:{Guid.NewGuid()}";
        var requested = await consumer.RequestNegotiationAsync(dsp, shorter, consumerPid, callback);
        Assert.Equal((HttpStatusCode.Created, "REQUESTED"), (requested.Status, requested.Compacted.GetProperty("state").GetString()));
        var providerPid = requested.Compacted.GetProperty("providerPid").GetString()!;
        rest = await buyerA.GetFromJsonAsync<JsonElement>($"/api/contracts/negotiations/{providerPid}");
        Assert.Equal((12, price, JsonValueKind.Null), (rest.GetProperty("terms").GetProperty("durationMonths").GetInt32(), rest.GetProperty("priceKrw").GetDecimal(),
            rest.GetProperty("standardOfferId").ValueKind));

        // A constraint the profile does not have is refused, named where the connector wrote it; nothing opens.
        var counted = Listed();
        counted["permission"]![0]!["constraint"]!.AsArray().Add(new JsonObject { ["leftOperand"] = "count", ["operator"] = "lteq", ["rightOperand"] = "5" });
        var refused = await consumer.RequestNegotiationAsync(dsp, counted, "urn:uuid:refused", callback);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Matches(@"^offer: offer\.permission\[0\]\.constraint\[\d+\]: 'count lteq 5'", refused.Compacted.GetProperty("reason")[0].GetString());

        // The provider offers; the connector counters with ten days to delete instead of thirty, the price as it was.
        await NegotiationClient.ActOkAsync(setup.Provider, Guid.Parse(providerPid), "offer");
        var offered = DspConsumer.Callback(await setup.Callbacks.MessageAsync($"/negotiations/{consumerPid}/offers", DspSetup.CallbackWait), "negotiation/contract-offer-message-schema.json");
        var counter = JsonNode.Parse(offered.GetProperty("offer").GetRawText())!;
        Set(counter, "elapsedTime", new JsonObject { ["@value"] = "P10D", ["@type"] = "http://www.w3.org/2001/XMLSchema#duration" }, rule: "obligation");
        Assert.Equal(HttpStatusCode.OK, (await consumer.CounterAsync(dsp, providerPid, consumerPid, counter)).Status);
        rest = await buyerA.GetFromJsonAsync<JsonElement>($"/api/contracts/negotiations/{providerPid}");
        Assert.Equal(("REQUESTED", 10, 12, price), (rest.GetProperty("state").GetString(), rest.GetProperty("terms").GetProperty("deletionDays").GetInt32(),
            rest.GetProperty("terms").GetProperty("durationMonths").GetInt32(), rest.GetProperty("priceKrw").GetDecimal()));

        // The constraint whose left operand ends in <paramref name="left"/>, in the offer's first rule of that kind or its duty, gets <paramref name="right"/>.
        static void Set(JsonNode offer, string left, JsonNode right, string rule = "permission")
        {
            var constraints = offer[rule]!.AsArray().SelectMany(r => (r!["constraint"]?.AsArray() ?? []).Concat(
                (r["duty"]?.AsArray() ?? []).SelectMany(d => d!["constraint"]?.AsArray() ?? [])));
            var constraint = constraints.First(c => c!["leftOperand"]!.ToJsonString().Contains(left, StringComparison.Ordinal))!;
            constraint["rightOperand"] = right;
        }
    }


    private string OfferIri(Guid offer) => $"{market.BaseAddress}api/contracts/standard-offers/{offer}";
}
