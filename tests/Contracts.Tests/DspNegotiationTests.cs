using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.BuildingBlocks.Hosting;

namespace Marketplace.Contracts.Tests;

/// <summary>
/// The Dataspace Protocol's contract negotiation, provider side, as a buyer's registered connector meets it (cases named
/// after the DSP TCK's CN cases), on both stores (the fixtures of <see cref="ContractsApiTests"/>). A DSP negotiation is
/// the REST API's negotiation: the same id, states, band and agreement.
/// </summary>
public abstract partial class ContractsApiTests
{
    [Fact]
    public async Task CN_01_01_a_connector_requests_a_catalog_offer_the_platform_agrees_and_its_verification_finalizes_the_agreement()
    {
        using var buyerA = await As("demo-buyer-a");
        await using var setup = await ConnectorAndOfferAsync(buyerA, DemoOrganisations.BuyerA, autoAgree: true);
        var (provider, callbacks, consumer, dsp, price, offer) = (setup.Provider, setup.Callbacks, setup.Consumer, setup.Dsp, setup.Price, setup.Offer);
        var callback = callbacks.BaseAddress;
        var consumerPid = $"urn:uuid:{Guid.NewGuid()}";

        // CN:01-01: the offer as the catalog lists it, its price named; a callback under the registered address.
        var requested = await consumer.RequestNegotiationAsync(dsp, OfferIri(offer), consumerPid, $"{callback}/edc", price);
        Assert.Equal(HttpStatusCode.Created, requested.Status);
        Assert.Equal(("ContractNegotiation", consumerPid, "AGREED"), (requested.Compacted.GetProperty("@type").GetString(),
            requested.Compacted.GetProperty("consumerPid").GetString(), requested.Compacted.GetProperty("state").GetString()));
        var providerPid = requested.Compacted.GetProperty("providerPid").GetString()!;
        Assert.Equal(new Uri($"{market.BaseAddress}api/contracts/dsp/negotiations/{providerPid}"), requested.Response.Headers.Location);

        // The same negotiation in the REST API: at the offer's terms, agreed by the platform for the provider.
        var rest = await buyerA.GetFromJsonAsync<JsonElement>($"/api/contracts/negotiations/{providerPid}");
        Assert.Equal(("AGREED", offer, price), (rest.GetProperty("state").GetString(), rest.GetProperty("standardOfferId").GetGuid(), rest.GetProperty("priceKrw").GetDecimal()));

        // The agreement reaches the callback address: a ContractAgreementMessage with the platform's token, the price in ODRL.
        var agreed = DspConsumer.Callback(await callbacks.MessageAsync($"/edc/negotiations/{consumerPid}/agreement", Wait), "negotiation/contract-agreement-message-schema.json");
        Assert.Equal((providerPid, consumerPid), (agreed.GetProperty("providerPid").GetString(), agreed.GetProperty("consumerPid").GetString()));
        Assert.Contains(price.ToString(System.Globalization.CultureInfo.InvariantCulture), agreed.GetProperty("agreement").ToString());

        // CN:02-01: read back; then the verification: signed by the buyer, finalized by the platform at once.
        var read = await consumer.NegotiationAsync(requested.Response.Headers.Location!.ToString());
        Assert.Equal((HttpStatusCode.OK, "AGREED"), (read.Status, read.Compacted.GetProperty("state").GetString()));
        // The connector is away when the FINALIZED event is due: refused, retried, delivered once it is back, nothing lost.
        callbacks.Down = true;
        var verification = await consumer.SendAsync($"{dsp}/negotiations/{providerPid}/agreement/verification", "ContractAgreementVerificationMessage",
            new Dictionary<string, object> { ["providerPid"] = providerPid, ["consumerPid"] = consumerPid });
        Assert.Equal(HttpStatusCode.OK, verification.Status);
        Assert.Equal("FINALIZED", (await consumer.NegotiationAsync($"{dsp}/negotiations/{providerPid}")).Compacted.GetProperty("state").GetString());
        await Eventually.GetAsync(() => Task.FromResult<object?>(callbacks.Refused >= 2 ? callbacks.Refused : null), Wait, "two refused deliveries");
        callbacks.Down = false;
        var finalized = DspConsumer.Callback(await callbacks.MessageAsync($"/edc/negotiations/{consumerPid}/events", Wait), "negotiation/contract-negotiation-event-message-schema.json");
        Assert.Equal("FINALIZED", finalized.GetProperty("eventType").GetString());
        Assert.Equal([$"/edc/negotiations/{consumerPid}/agreement", $"/edc/negotiations/{consumerPid}/events"], callbacks.All.Select(r => r.Path));
        rest = await buyerA.GetFromJsonAsync<JsonElement>($"/api/contracts/negotiations/{providerPid}");
        var agreement = await buyerA.GetFromJsonAsync<JsonElement>($"/api/contracts/agreements/{rest.GetProperty("agreementId").GetGuid()}");
        Assert.Equal("FINALIZED", rest.GetProperty("state").GetString());
        Assert.Equal((price, "FINALIZED"), (agreement.GetProperty("priceKrw").GetDecimal(), agreement.GetProperty("status").GetString()));

        // A step the state no longer allows is a 400 ContractNegotiationError naming both process ids, as DSP requires.
        var again = await consumer.SendAsync($"{dsp}/negotiations/{providerPid}/termination", "ContractNegotiationTerminationMessage",
            new Dictionary<string, object> { ["providerPid"] = providerPid, ["consumerPid"] = consumerPid, ["code"] = "no-longer-needed" });
        Assert.Equal((HttpStatusCode.BadRequest, "ContractNegotiationError", providerPid, consumerPid), (again.Status,
            again.Compacted.GetProperty("@type").GetString(), again.Compacted.GetProperty("providerPid").GetString(), again.Compacted.GetProperty("consumerPid").GetString()));
    }

    [Fact]
    public async Task CN_01_03_and_04_counter_offers_on_the_price_the_provider_offers_the_connector_counters_then_accepts_and_it_is_finalized()
    {
        using var buyerA = await As("demo-buyer-a");
        await using var setup = await ConnectorAndOfferAsync(buyerA, DemoOrganisations.BuyerA, autoAgree: true);
        var (provider, callbacks, consumer, dsp, price, offer) = (setup.Provider, setup.Callbacks, setup.Consumer, setup.Dsp, setup.Price, setup.Offer);
        var callback = callbacks.BaseAddress;
        var consumerPid = $"urn:uuid:{Guid.NewGuid()}";

        // Another price than the offer's, inside the band: a request the provider answers, not one the platform agrees to.
        var requested = await consumer.RequestNegotiationAsync(dsp, OfferIri(offer), consumerPid, callback, price - 1000);
        Assert.Equal((HttpStatusCode.Created, "REQUESTED"), (requested.Status, requested.Compacted.GetProperty("state").GetString()));
        var providerPid = requested.Compacted.GetProperty("providerPid").GetString()!;
        var id = Guid.Parse(providerPid);
        var rest = await provider.GetFromJsonAsync<JsonElement>($"/api/contracts/negotiations/{id}");
        Assert.Equal((price - 1000, JsonValueKind.Null), (rest.GetProperty("priceKrw").GetDecimal(), rest.GetProperty("standardOfferId").ValueKind));

        // The provider offers in the REST API (as in the console): a ContractOfferMessage at the callback address; the
        // connector accepts; the provider agrees; the connector verifies.
        await NegotiationClient.ActOkAsync(provider, id, "offer");
        var offered = DspConsumer.Callback(await callbacks.MessageAsync($"/negotiations/{consumerPid}/offers", Wait), "negotiation/contract-offer-message-schema.json");
        Assert.Contains((price - 1000).ToString(System.Globalization.CultureInfo.InvariantCulture), offered.GetProperty("offer").ToString());

        // CN:01-04: the connector counters at another price — out of the band refused with the band, inside it the
        // provider's turn again (REQUESTED); the provider offers that price.
        var offerId = offered.GetProperty("offer").GetProperty("@id").GetString()!;
        var outOfBand = await consumer.CounterAsync(dsp, providerPid, consumerPid, offerId, 1m);
        Assert.Equal(HttpStatusCode.BadRequest, outOfBand.Status);
        Assert.StartsWith("band: ", outOfBand.Compacted.GetProperty("reason")[1].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await consumer.CounterAsync(dsp, providerPid, consumerPid, offerId, price - 2000)).Status);
        Assert.Equal("REQUESTED", (await consumer.NegotiationAsync($"{dsp}/negotiations/{providerPid}")).Compacted.GetProperty("state").GetString());
        await NegotiationClient.ActOkAsync(provider, id, "offer");
        await Eventually.GetAsync(() => Task.FromResult<object?>(callbacks.All.Count(r => r.Path.EndsWith("/offers", StringComparison.Ordinal)) == 2 ? true : null),
            Wait, "the second offer at the callback address");
        Assert.Equal("OFFERED", (await consumer.NegotiationAsync($"{dsp}/negotiations/{providerPid}")).Compacted.GetProperty("state").GetString());
        var ids = new Dictionary<string, object> { ["providerPid"] = providerPid, ["consumerPid"] = consumerPid };
        var accepted = await consumer.SendAsync($"{dsp}/negotiations/{providerPid}/events", "ContractNegotiationEventMessage",
            new Dictionary<string, object>(ids) { ["eventType"] = "ACCEPTED" });
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        await NegotiationClient.ActOkAsync(provider, id, "agree");
        Assert.Equal(HttpStatusCode.OK, (await consumer.SendAsync($"{dsp}/negotiations/{providerPid}/agreement/verification", "ContractAgreementVerificationMessage", ids)).Status);
        rest = await buyerA.GetFromJsonAsync<JsonElement>($"/api/contracts/negotiations/{id}");
        Assert.Equal(("FINALIZED", price - 2000), (rest.GetProperty("state").GetString(), rest.GetProperty("priceKrw").GetDecimal()));
    }

    [Fact]
    public async Task CN_01_02_requests_the_marketplace_cannot_take_are_negotiation_errors_and_open_nothing()
    {
        // A buyer organisation of its own, so that "nothing opened" is its empty list.
        using var anonymous = market.Host.CreateClient();
        using var admin = await As("demo-admin");
        var registered = await Organisations.RegisterAsync(anonymous, "buyer", admin);
        using var buyer = await Tokens.SignedInAsync(market.BaseAddress, registered.ClientId, registered.ClientSecret);
        using var buyerB = await As("demo-buyer-b");
        await using var setup = await ConnectorAndOfferAsync(buyer, registered.OrganisationId, autoAgree: false);
        var (consumer, dsp, price, offer, callback) = (setup.Consumer, setup.Dsp, setup.Price, setup.Offer, setup.Callbacks.BaseAddress);

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
            ["providerPid"] = Guid.NewGuid().ToString(), ["consumerPid"] = "urn:uuid:refused", ["offer"] = new Dictionary<string, object> { ["@id"] = OfferIri(offer) },
        });
        Assert.Equal(HttpStatusCode.BadRequest, counter.Status);
        Assert.Contains("/request", counter.Compacted.GetProperty("reason")[0].GetString());
        var notAMessage = await consumer.SendAsync($"{dsp}/negotiations/request", "CatalogRequestMessage", new Dictionary<string, object> { ["consumerPid"] = "urn:uuid:refused" });
        Assert.Equal(HttpStatusCode.BadRequest, notAMessage.Status);
        Assert.Equal(0, (await buyer.GetFromJsonAsync<JsonElement>("/api/contracts/negotiations")).GetProperty("items").GetArrayLength());

        // Without automatic agreement the provider answers in the console or the REST API: the connector sees REQUESTED,
        // may not verify or accept yet (400), and may terminate (CN:03-01); another organisation sees nothing (404).
        var consumerPid = $"urn:uuid:{Guid.NewGuid()}";
        var requested = await consumer.RequestNegotiationAsync(dsp, OfferIri(offer), consumerPid, callback);
        Assert.Equal((HttpStatusCode.Created, "REQUESTED"), (requested.Status, requested.Compacted.GetProperty("state").GetString()));
        var providerPid = requested.Compacted.GetProperty("providerPid").GetString()!;
        var ids = new Dictionary<string, object> { ["providerPid"] = providerPid, ["consumerPid"] = consumerPid };
        Assert.Equal(HttpStatusCode.BadRequest, (await consumer.SendAsync($"{dsp}/negotiations/{providerPid}/agreement/verification", "ContractAgreementVerificationMessage", ids)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await consumer.SendAsync($"{dsp}/negotiations/{providerPid}/events", "ContractNegotiationEventMessage",
            new Dictionary<string, object>(ids) { ["eventType"] = "ACCEPTED" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await consumer.SendAsync($"{dsp}/negotiations/{providerPid}/events", "ContractNegotiationEventMessage",
            new Dictionary<string, object>(ids) { ["eventType"] = "FINALIZED" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await consumer.CounterAsync(dsp, providerPid, consumerPid, OfferIri(offer), price - 1)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await consumer.SendAsync($"{dsp}/negotiations/{providerPid}/request", "ContractRequestMessage",
            new Dictionary<string, object>(ids) { ["offer"] = new Dictionary<string, object> { ["@id"] = OfferIri(offer) } })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await consumer.SendAsync($"{dsp}/negotiations/{providerPid}/termination", "ContractNegotiationTerminationMessage",
            new Dictionary<string, object> { ["providerPid"] = providerPid, ["consumerPid"] = "urn:uuid:someone-else" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await new DspConsumer(buyerB).NegotiationAsync($"{dsp}/negotiations/{providerPid}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await consumer.NegotiationAsync($"{dsp}/negotiations/not-a-negotiation")).Status);

        var terminated = await consumer.SendAsync($"{dsp}/negotiations/{providerPid}/termination", "ContractNegotiationTerminationMessage",
            new Dictionary<string, object>(ids) { ["code"] = "commercial-disagreement", ["reason"] = new[] { "Price" } });
        Assert.Equal(HttpStatusCode.OK, terminated.Status);
        Assert.Equal("TERMINATED", (await consumer.NegotiationAsync($"{dsp}/negotiations/{providerPid}")).Compacted.GetProperty("state").GetString());
        var rest = await buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/negotiations/{providerPid}");
        Assert.Equal(("TERMINATED", "commercial-disagreement"), (rest.GetProperty("state").GetString(), rest.GetProperty("terminationReason").GetString()));
    }

    /// <summary>
    /// A buyer organisation's registered connector (its callbacks to a server in this process) and a new dataset of the
    /// demo provider with a standard offer at the reference price (ai-training, 24 months).
    /// </summary>
    private async Task<DspSetup> ConnectorAndOfferAsync(HttpClient buyer, Guid organisation, bool autoAgree)
    {
        var provider = await As("demo-provider-x");
        var callbacks = new CallbackServer();
        var connector = await Organisations.ConnectorAsync(buyer, organisation, callbacks.BaseAddress);
        var consumer = new DspConsumer(connector);
        var dataset = await NegotiationClient.PublishDatasetAsync(provider);
        var price = await NegotiationClient.ReferencePriceAsync(buyer, dataset, NegotiationClient.Terms("ai-training", 24));
        var offer = (await OfferAsync(provider, dataset, price, autoAgree)).GetProperty("id").GetGuid();
        return new DspSetup(provider, callbacks, connector, consumer, await consumer.VersionAsync(), price, offer);
    }

    private sealed record DspSetup(HttpClient Provider, CallbackServer Callbacks, HttpClient Connector, DspConsumer Consumer, string Dsp, decimal Price, Guid Offer)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Provider.Dispose();
            Connector.Dispose();
            await Callbacks.DisposeAsync();
        }
    }

    /// <summary>How long a callback may take: a poll of the delivery (2 s), and retries after refusals (1, 2, 4 s …).</summary>
    private static readonly TimeSpan Wait = TestServices.Scaled(TimeSpan.FromSeconds(60));

    private string OfferIri(Guid offer) => $"{market.BaseAddress}api/contracts/standard-offers/{offer}";
}
