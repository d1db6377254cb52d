using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.TestSupport;

/// <summary>
/// What a Dataspace Protocol negotiation test starts from: a buyer organisation's registered connector (a new
/// participant id, calling back to a <see cref="CallbackServer"/> in this process) and a new dataset of the provider,
/// priced at its reference for the standard terms (<see cref="Terms"/>: ai-training, 24 months). The provider and buyer
/// clients stay the caller's.
/// </summary>
public sealed class DspSetup : IAsyncDisposable
{
    public static readonly object Terms = NegotiationClient.Terms("ai-training", 24);

    /// <summary>
    /// How long a callback may take to arrive: a poll of the delivery (2 s) and retries after refusals (1, 2, 4 s …);
    /// <see cref="CallbackServer.MessageAsync"/> stretches it by the suite's slowdown factor.
    /// </summary>
    public static readonly TimeSpan CallbackWait = TimeSpan.FromSeconds(60);

    private DspSetup(HttpClient provider, HttpClient buyer, CallbackServer callbacks, HttpClient connector, string participantId, string dsp, Guid dataset, decimal price)
    {
        (Provider, Buyer, Callbacks, Connector, ParticipantId, Dsp, Dataset, Price) = (provider, buyer, callbacks, connector, participantId, dsp, dataset, price);
        Consumer = new DspConsumer(connector);
    }

    public HttpClient Provider { get; }

    public HttpClient Buyer { get; }

    public CallbackServer Callbacks { get; }

    /// <summary>The connector's own signed-in client.</summary>
    public HttpClient Connector { get; }

    public string ParticipantId { get; }

    public DspConsumer Consumer { get; }

    /// <summary>The DSP base path the version metadata names (MET:01-01).</summary>
    public string Dsp { get; }

    public Guid Dataset { get; }

    /// <summary>The dataset's reference price for <see cref="Terms"/>.</summary>
    public decimal Price { get; }

    /// <summary>
    /// Registers the connector with <paramref name="buyer"/> (an administrator of <paramref name="buyerOrganisation"/>)
    /// and publishes a dataset with <paramref name="provider"/>.
    /// </summary>
    public static async Task<DspSetup> StartAsync(HttpClient provider, HttpClient buyer, Guid buyerOrganisation)
    {
        var callbacks = new CallbackServer();
        var participant = $"did:web:connector-{Guid.NewGuid():N}.example";
        var connector = await Organisations.ConnectorAsync(buyer, buyerOrganisation, callbacks.BaseAddress, participant);
        var dataset = await NegotiationClient.PublishDatasetAsync(provider);
        var price = await NegotiationClient.ReferencePriceAsync(buyer, dataset, Terms);
        return new DspSetup(provider, buyer, callbacks, connector, participant, await new DspConsumer(connector).VersionAsync(), dataset, price);
    }

    /// <summary>The provider publishes a standard offer of the dataset at <see cref="Terms"/> and <see cref="Price"/>; its id.</summary>
    public async Task<Guid> PublishOfferAsync(bool autoAgree) =>
        (await NegotiationClient.ExpectAsync(await Provider.PostAsJsonAsync($"/api/contracts/datasets/{Dataset}/standard-offers",
            new { terms = Terms, priceKrw = Price, autoAgree }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    /// <summary>The dataset's first offer as the connector reads it in the DSP catalog (compacted with the DSP context).</summary>
    public async Task<JsonElement> ListedOfferAsync()
    {
        var listed = await Consumer.DatasetAsync($"{Dsp}/catalog/datasets/{Dataset}");
        Assert.Equal(HttpStatusCode.OK, listed.Status);
        return listed.Compacted.GetProperty("hasPolicy")[0];
    }

    public async ValueTask DisposeAsync()
    {
        Connector.Dispose();
        await Callbacks.DisposeAsync();
    }
}
