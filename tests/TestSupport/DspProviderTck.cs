using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.TestSupport;

/// <summary>
/// The provider-side contract negotiation cases of the Dataspace Protocol TCK (eclipse-dataspacetck/dsp-tck, groups
/// CN_01 to CN_03), each under the TCK's name, played by a scripted consumer (<see cref="DspConsumer"/> with its
/// <see cref="CallbackServer"/>) against a marketplace, all-in-one or through the gateway. What the TCK's provider mock
/// does, the provider's person does in the REST API (offer, agree, terminate, as in the console), or the platform for it
/// (a standard offer that agrees automatically). Each case runs on a dataset, standard offer, connector and callback
/// server of its own; every message either way is checked against the DSP schemas after JSON-LD compaction.
/// </summary>
public sealed class DspProviderTck
{
    /// <summary>The cases by their TCK names, with what the marketplace does where it differs from the TCK's script.</summary>
    public static readonly IReadOnlyDictionary<string, Func<DspProviderTck, Task>> Cases = new Dictionary<string, Func<DspProviderTck, Task>>
    {
        ["CN:01-01 contract request, offer received, consumer terminated"] = async t =>
        {
            await t.RequestAsync("REQUESTED");
            await t.ProviderAsync("offer");
            await t.CallbackAsync("offers");
            await t.TerminateAsync();
        },
        ["CN:01-02 contract request, offer received, consumer counter-offer (out of the band refused), provider terminated"] = async t =>
        {
            await t.RequestAsync("REQUESTED");
            await t.ProviderAsync("offer");
            var offer = (await t.CallbackAsync("offers")).GetProperty("offer").GetProperty("@id").GetString()!;
            // Out of the band: refused, the band in the error's second reason, as the REST API's 422 names it.
            var outOfBand = await t._setup.Consumer.CounterAsync(t._setup.Dsp, t.ProviderPid, t.ConsumerPid, offer, 1m);
            t.Refused(outOfBand);
            Assert.Matches(@"^band: \d+ to \d+ KRW \(reference price \d+ KRW\)$", outOfBand.Compacted.GetProperty("reason")[1].GetString());
            Ok(await t._setup.Consumer.CounterAsync(t._setup.Dsp, t.ProviderPid, t.ConsumerPid, offer, t._setup.Price - 1000));
            await t.StateAsync("REQUESTED");
            Assert.Equal(t._setup.Price - 1000, (await t.RestAsync()).GetProperty("priceKrw").GetDecimal());
            await t.ProviderAsync("terminate", new { reason = "commercial-disagreement" });
            Assert.Equal("commercial-disagreement", (await t.CallbackAsync("termination")).GetProperty("code").GetString());
            await t.StateAsync("TERMINATED");
        },
        ["CN:01-03 contract request, offer received, consumer accepted, provider agreement, consumer verified (the consumer away a while), provider finalized"] = async t =>
        {
            await t.RequestAsync("REQUESTED");
            await t.ProviderAsync("offer");
            await t.CallbackAsync("offers");
            await t.StateAsync("OFFERED");
            Ok(await t.SendAsync("events", "ContractNegotiationEventMessage", new() { ["eventType"] = "ACCEPTED" }));
            await t.StateAsync("ACCEPTED");
            await t.ProviderAsync("agree");
            Assert.Contains(t._setup.Price.ToString(CultureInfo.InvariantCulture), (await t.CallbackAsync("agreement")).GetProperty("agreement").ToString());
            // The connector is away when FINALIZED is due: refused, retried, delivered once it is back, in order, nothing lost.
            t._setup.Callbacks.Down = true;
            Ok(await t.SendAsync("agreement/verification", "ContractAgreementVerificationMessage"));
            await t.StateAsync("FINALIZED");
            await Eventually.GetAsync(() => Task.FromResult<object?>(t._setup.Callbacks.Refused >= 2 ? true : null), DspSetup.CallbackWait, "two refused deliveries");
            t._setup.Callbacks.Down = false;
            Assert.Equal("FINALIZED", (await t.CallbackAsync("events")).GetProperty("eventType").GetString());
            Assert.Equal(["offers", "agreement", "events"], t._setup.Callbacks.All.Select(r => r.Path.Split('/')[^1]));
            await t.FinalizedAtAsync(t._setup.Price);
        },
        ["CN:01-04 contract request, provider agreement (the platform, for an offer that agrees automatically), consumer verified, provider finalized"] = async t =>
        {
            await t.RequestAsync("AGREED", autoAgree: true);
            Assert.Equal(t._offerId, (await t.RestAsync()).GetProperty("standardOfferId").GetGuid());
            await t.CallbackAsync("agreement");
            Ok(await t.SendAsync("agreement/verification", "ContractAgreementVerificationMessage"));
            Assert.Equal("FINALIZED", (await t.CallbackAsync("events")).GetProperty("eventType").GetString());
            await t.FinalizedAtAsync(t._setup.Price);
        },
        ["CN:02-01 contract request, provider terminated"] = async t =>
        {
            await t.RequestAsync("REQUESTED");
            await t.ProviderAsync("terminate", new { reason = "no-longer-needed" });
            Assert.Equal("no-longer-needed", (await t.CallbackAsync("termination")).GetProperty("code").GetString());
            await t.StateAsync("TERMINATED");
        },
        ["CN:02-02 contract request, consumer terminated"] = async t =>
        {
            await t.RequestAsync("REQUESTED");
            await t.TerminateAsync();
        },
        ["CN:02-03 contract request, provider agreement (straight from REQUESTED, the draft read first), consumer terminated"] = async t =>
        {
            await t.RequestAsync("REQUESTED");
            var draft = await t._setup.Provider.GetFromJsonAsync<JsonElement>($"/api/contracts/negotiations/{t.ProviderPid}/agreement-draft");
            await t.ProviderAsync("agree", new { agreementHash = draft.GetProperty("hash").GetString() });
            await t.CallbackAsync("agreement");
            await t.StateAsync("AGREED");
            await t.TerminateAsync();
        },
        ["CN:02-04 contract request, offer received, consumer terminated (by a person of its organisation, who may not accept: the connector is told)"] = async t =>
        {
            await t.RequestAsync("REQUESTED");
            await t.ProviderAsync("offer");
            await t.CallbackAsync("offers");
            // The connector takes the buyer's steps; a person of the buyer's organisation may end the negotiation only.
            var accept = await NegotiationClient.ActAsync(t._setup.Buyer, Guid.Parse(t.ProviderPid), "accept");
            var refused = await NegotiationClient.ExpectAsync(accept, HttpStatusCode.Conflict);
            Assert.Equal(t._setup.ParticipantId, refused.GetProperty("dspParticipantId").GetString());
            await NegotiationClient.ActOkAsync(t._setup.Buyer, Guid.Parse(t.ProviderPid), "terminate", new { reason = "no-longer-needed" });
            var told = await t.CallbackAsync("termination");
            Assert.Equal("no-longer-needed", told.GetProperty("code").GetString());
            await t.StateAsync("TERMINATED");
        },
        ["CN:02-05 contract request, offer received, provider terminated"] = async t =>
        {
            await t.RequestAsync("REQUESTED");
            await t.ProviderAsync("offer");
            await t.CallbackAsync("offers");
            await t.ProviderAsync("terminate", new { reason = "other" });
            await t.CallbackAsync("termination");
            await t.StateAsync("TERMINATED");
        },
        ["CN:02-06 contract request, offer received, consumer accepted, provider terminated"] = async t =>
        {
            await t.RequestAsync("REQUESTED");
            await t.ProviderAsync("offer");
            await t.CallbackAsync("offers");
            Ok(await t.SendAsync("events", "ContractNegotiationEventMessage", new() { ["eventType"] = "ACCEPTED" }));
            await t.ProviderAsync("terminate", new { reason = "commercial-disagreement" });
            await t.CallbackAsync("termination");
            await t.StateAsync("TERMINATED");
        },
        ["CN:02-07 contract request, provider agreement, consumer verified: the platform finalizes at once, so the provider may no longer terminate"] = async t =>
        {
            await t.RequestAsync("REQUESTED");
            await t.ProviderAsync("agree");
            await t.CallbackAsync("agreement");
            Ok(await t.SendAsync("agreement/verification", "ContractAgreementVerificationMessage"));
            var late = await NegotiationClient.ActAsync(t._setup.Provider, Guid.Parse(t.ProviderPid), "terminate", new { reason = "other" });
            Assert.Equal("FINALIZED", (await NegotiationClient.ExpectAsync(late, HttpStatusCode.Conflict)).GetProperty("state").GetString());
            Assert.Equal("FINALIZED", (await t.CallbackAsync("events")).GetProperty("eventType").GetString());
            await t.FinalizedAtAsync(t._setup.Price);
        },
        ["CN:03-01 contract request, provider agreement, consumer verified, provider finalized, invalid consumer terminated"] = async t =>
        {
            await t.RequestAsync("AGREED", autoAgree: true);
            await t.CallbackAsync("agreement");
            Ok(await t.SendAsync("agreement/verification", "ContractAgreementVerificationMessage"));
            await t.CallbackAsync("events");
            t.Refused(await t.SendAsync("termination", "ContractNegotiationTerminationMessage", new() { ["code"] = "no-longer-needed" }));
            await t.StateAsync("FINALIZED");
        },
        ["CN:03-02 contract request, offer received, invalid consumer verified"] = async t =>
        {
            await t.RequestAsync("REQUESTED");
            await t.ProviderAsync("offer");
            await t.CallbackAsync("offers");
            t.Refused(await t.SendAsync("agreement/verification", "ContractAgreementVerificationMessage"));
            await t.StateAsync("OFFERED");
        },
        ["CN:03-03 contract request, offer received, consumer accepted, illegal consumer verified"] = async t =>
        {
            await t.RequestAsync("REQUESTED");
            await t.ProviderAsync("offer");
            await t.CallbackAsync("offers");
            Ok(await t.SendAsync("events", "ContractNegotiationEventMessage", new() { ["eventType"] = "ACCEPTED" }));
            t.Refused(await t.SendAsync("agreement/verification", "ContractAgreementVerificationMessage"));
            await t.StateAsync("ACCEPTED");
        },
        ["CN:03-04 contract request, offer received, consumer counter-offer (x2: the second refused), provider terminated"] = async t =>
        {
            await t.RequestAsync("REQUESTED");
            await t.ProviderAsync("offer");
            var offer = (await t.CallbackAsync("offers")).GetProperty("offer").GetProperty("@id").GetString()!;
            Ok(await t._setup.Consumer.CounterAsync(t._setup.Dsp, t.ProviderPid, t.ConsumerPid, offer, t._setup.Price - 1000));
            t.Refused(await t._setup.Consumer.CounterAsync(t._setup.Dsp, t.ProviderPid, t.ConsumerPid, offer, t._setup.Price - 2000));
            await t.StateAsync("REQUESTED");
            Assert.Equal(t._setup.Price - 1000, (await t.RestAsync()).GetProperty("priceKrw").GetDecimal());
            await t.ProviderAsync("terminate", new { reason = "commercial-disagreement" });
            await t.CallbackAsync("termination");
        },
    };

    /// <summary>The case names, for a theory.</summary>
    public static TheoryData<string> Names => [.. Cases.Keys];


    private readonly DspSetup _setup;
    private Guid _offerId;

    private DspProviderTck(DspSetup setup) => _setup = setup;

    public string ConsumerPid { get; } = $"urn:uuid:{Guid.NewGuid()}";

    public string ProviderPid { get; private set; } = "";

    /// <summary>
    /// Plays case <paramref name="name"/>: a new dataset of <paramref name="provider"/>'s, a connector registered by
    /// <paramref name="buyer"/> (an administrator of <paramref name="buyerOrganisation"/>) calling back to a server in
    /// this process.
    /// </summary>
    public static async Task PlayAsync(string name, HttpClient provider, HttpClient buyer, Guid buyerOrganisation)
    {
        await using var setup = await DspSetup.StartAsync(provider, buyer, buyerOrganisation);
        await Cases[name](new DspProviderTck(setup));
    }

    /// <summary>
    /// The ContractRequestMessage for the dataset's standard offer as the catalog lists it (one that agrees automatically
    /// when <paramref name="autoAgree"/>); 201 in <paramref name="state"/>, the REST API's negotiation at the offer's price.
    /// </summary>
    private async Task RequestAsync(string state, bool autoAgree = false)
    {
        _offerId = await _setup.PublishOfferAsync(autoAgree);
        var offer = (await _setup.ListedOfferAsync()).GetProperty("@id").GetString()!;
        Assert.EndsWith($"/standard-offers/{_offerId}", offer, StringComparison.Ordinal);

        var requested = await _setup.Consumer.RequestNegotiationAsync(_setup.Dsp, offer, ConsumerPid, _setup.Callbacks.BaseAddress);
        Assert.Equal((HttpStatusCode.Created, ConsumerPid, state), (requested.Status,
            requested.Compacted.GetProperty("consumerPid").GetString(), requested.Compacted.GetProperty("state").GetString()));
        ProviderPid = requested.Compacted.GetProperty("providerPid").GetString()!;
        Assert.EndsWith($"{_setup.Dsp}/negotiations/{ProviderPid}", requested.Response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var rest = await RestAsync();
        Assert.Equal((state, _setup.Price, _setup.ParticipantId), (rest.GetProperty("state").GetString(), rest.GetProperty("priceKrw").GetDecimal(),
            rest.GetProperty("dspParticipantId").GetString()));
    }

    /// <summary>A consumer message on the negotiation (<c>{dsp}/negotiations/{providerPid}/{path}</c>), naming both process ids.</summary>
    private Task<DspConsumer.Answer> SendAsync(string path, string type, Dictionary<string, object>? members = null)
    {
        var message = new Dictionary<string, object>(members ?? []) { ["providerPid"] = ProviderPid, ["consumerPid"] = ConsumerPid };
        return _setup.Consumer.SendAsync($"{_setup.Dsp}/negotiations/{ProviderPid}/{path}", type, message);
    }

    /// <summary>The consumer terminates: 200, then TERMINATED on both sides, the buyer named in the history.</summary>
    private async Task TerminateAsync()
    {
        Ok(await SendAsync("termination", "ContractNegotiationTerminationMessage", new() { ["code"] = "commercial-disagreement", ["reason"] = new[] { "Price" } }));
        await StateAsync("TERMINATED");
        var rest = await RestAsync();
        Assert.Equal(("commercial-disagreement", "buyer"), (rest.GetProperty("terminationReason").GetString(), rest.GetProperty("history").EnumerateArray().Last().GetProperty("by").GetString()));
    }

    private async Task ProviderAsync(string action, object? body = null) =>
        await NegotiationClient.ActOkAsync(_setup.Provider, Guid.Parse(ProviderPid), action, body);

    /// <summary>The first message of <paramref name="kind"/> (offers, agreement, events, termination) at the callback address, checked against its schema.</summary>
    private async Task<JsonElement> CallbackAsync(string kind)
    {
        var schema = kind switch
        {
            "offers" => "negotiation/contract-offer-message-schema.json",
            "agreement" => "negotiation/contract-agreement-message-schema.json",
            "events" => "negotiation/contract-negotiation-event-message-schema.json",
            _ => "negotiation/contract-negotiation-termination-message-schema.json",
        };
        var message = DspConsumer.Callback(await _setup.Callbacks.MessageAsync($"/negotiations/{ConsumerPid}/{kind}", DspSetup.CallbackWait), schema);
        Assert.Equal((ProviderPid, ConsumerPid), (message.GetProperty("providerPid").GetString(), message.GetProperty("consumerPid").GetString()));
        return message;
    }

    /// <summary>The state a GET of the negotiation answers the connector.</summary>
    private async Task StateAsync(string state)
    {
        var read = await _setup.Consumer.NegotiationAsync($"{_setup.Dsp}/negotiations/{ProviderPid}");
        Assert.Equal((HttpStatusCode.OK, state), (read.Status, read.Compacted.GetProperty("state").GetString()));
    }

    /// <summary>The same negotiation in the REST API, as the buyer's people read it.</summary>
    private Task<JsonElement> RestAsync() => _setup.Buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/negotiations/{ProviderPid}");

    /// <summary>Finalized in the REST API too: the agreement at <paramref name="price"/>, with the platform's receipt.</summary>
    private async Task FinalizedAtAsync(decimal price)
    {
        var rest = await RestAsync();
        var agreement = await _setup.Buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/agreements/{rest.GetProperty("agreementId").GetGuid()}");
        Assert.Equal(("FINALIZED", price, "FINALIZED"), (rest.GetProperty("state").GetString(), agreement.GetProperty("priceKrw").GetDecimal(),
            agreement.GetProperty("status").GetString()));
    }

    private static void Ok(DspConsumer.Answer answer) => Assert.Equal(HttpStatusCode.OK, answer.Status);

    /// <summary>A step the state does not allow: 400 with a ContractNegotiationError naming both process ids, as DSP requires.</summary>
    private void Refused(DspConsumer.Answer answer) =>
        Assert.Equal((HttpStatusCode.BadRequest, "ContractNegotiationError", ProviderPid, ConsumerPid), (answer.Status,
            answer.Compacted.GetProperty("@type").GetString(), answer.Compacted.GetProperty("providerPid").GetString(),
            answer.Compacted.GetProperty("consumerPid").GetString()));
}
