using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.BuildingBlocks.Hosting;

namespace Marketplace.Contracts.Tests;

/// <summary>Standard offers through the real API, on both stores (the fixtures of <see cref="ContractsApiTests"/>).</summary>
public abstract partial class ContractsApiTests
{
    private static Task<HttpResponseMessage> PublishOfferAsync(HttpClient provider, Guid dataset, decimal price, bool autoAgree, object? terms = null) =>
        provider.PostAsJsonAsync($"/api/contracts/datasets/{dataset}/standard-offers", new { terms = terms ?? NegotiationClient.Terms("ai-training", 24), priceKrw = price, autoAgree });

    private static async Task<JsonElement> OfferAsync(HttpClient provider, Guid dataset, decimal price, bool autoAgree) =>
        await NegotiationClient.ExpectAsync(await PublishOfferAsync(provider, dataset, price, autoAgree), HttpStatusCode.Created);

    private static Task<HttpResponseMessage> RequestOfferAsync(HttpClient buyer, Guid offer, object? body = null) =>
        buyer.PostAsJsonAsync($"/api/contracts/standard-offers/{offer}/request", body ?? new { });

    [Fact]
    public async Task A_request_at_standard_terms_that_agree_automatically_is_agreed_by_the_platform_and_the_buyer_verifies_and_finalizes()
    {
        using var buyer = await As("demo-buyer-b");
        using var provider = await As("demo-provider-x");
        var dataset = await NegotiationClient.PublishDatasetAsync(provider);
        var band = await NegotiationClient.BandAsync(buyer, dataset, NegotiationClient.Terms("ai-training", 24));
        var (ceiling, reference) = (band.GetProperty("bandCeilingKrw").GetDecimal(), band.GetProperty("referencePriceKrw").GetDecimal());

        // The band is checked at publication, naming the price and the band, as for a request.
        var outside = await NegotiationClient.ExpectAsync(await PublishOfferAsync(provider, dataset, ceiling + 1, autoAgree: true), HttpStatusCode.UnprocessableEntity);
        Assert.True(outside.GetProperty("errors").TryGetProperty("priceKrw", out _));
        Assert.Equal(ceiling, outside.GetProperty("band").GetProperty("bandCeilingKrw").GetDecimal());
        var notOffered = await NegotiationClient.ExpectAsync(
            await PublishOfferAsync(provider, dataset, reference, autoAgree: true, NegotiationClient.Terms("ai-training", 48)), HttpStatusCode.UnprocessableEntity);
        Assert.True(notOffered.GetProperty("errors").TryGetProperty("terms.durationMonths", out _));
        var offer = await OfferAsync(provider, dataset, reference, autoAgree: true);
        var offerId = offer.GetProperty("id").GetGuid();
        Assert.Equal(("ACTIVE", true), (offer.GetProperty("status").GetString(), offer.GetProperty("autoAgree").GetBoolean()));

        // Buyers read the dataset's offers, and request one as it is.
        var listed = await buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/datasets/{dataset}/standard-offers");
        Assert.Equal([offerId], listed.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        var n = await NegotiationClient.ExpectAsync(await RequestOfferAsync(buyer, offerId, new { startDate = start }), HttpStatusCode.Created);
        var id = n.GetProperty("id").GetGuid();
        Assert.Equal(("AGREED", "buyer", offerId), (n.GetProperty("state").GetString(), n.GetProperty("turn").GetString(), n.GetProperty("standardOfferId").GetGuid()));
        Assert.Equal((reference, 24, start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            (n.GetProperty("priceKrw").GetDecimal(), n.GetProperty("terms").GetProperty("durationMonths").GetInt32(), n.GetProperty("terms").GetProperty("startDate").GetString()));
        var history = n.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("action").GetString(), h.GetProperty("by").GetString(), h.GetProperty("to").GetString())).ToList();
        Assert.Equal([("request", "buyer", "REQUESTED"), ("agree", "platform", "AGREED")], history);
        Assert.Equal($"standard-offer:{offerId}", n.GetProperty("history")[1].GetProperty("subject").GetString());

        // The agreement: the provider's signature is the platform's on its behalf, naming the offer; the buyer verifies it.
        var agreement = await buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/agreements/{n.GetProperty("agreementId").GetGuid()}");
        Assert.Equal($"standard-offer:{offerId}", agreement.GetProperty("providerSignature").GetProperty("subject").GetString());
        Assert.Equal(DemoOrganisations.ProviderX, agreement.GetProperty("providerSignature").GetProperty("organisationId").GetGuid());
        n = await NegotiationClient.VerifyAsync(buyer, n);
        n = await NegotiationClient.ActOkAsync(buyer, id, "finalize");
        Assert.Equal("FINALIZED", n.GetProperty("state").GetString());
        Assert.Equal("FINALIZED", (await buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/agreements/{n.GetProperty("agreementId").GetGuid()}")).GetProperty("status").GetString());

        // The offer stays for the next buyer; a start in the past is refused naming the member as sent.
        var past = await NegotiationClient.ExpectAsync(await RequestOfferAsync(buyer, offerId, new { startDate = start.AddYears(-1) }), HttpStatusCode.BadRequest);
        Assert.True(past.GetProperty("errors").TryGetProperty("startDate", out _));
        Assert.Equal("ACTIVE", (await buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/standard-offers/{offerId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Without_automatic_agreement_a_request_at_standard_terms_waits_for_the_provider_who_offers_or_agrees_to_it()
    {
        using var buyer = await As("demo-buyer-a");
        using var provider = await As("demo-provider-x");
        var dataset = await NegotiationClient.PublishDatasetAsync(provider);
        var price = await NegotiationClient.ReferencePriceAsync(buyer, dataset, NegotiationClient.Terms("ai-training", 24));
        var offer = await OfferAsync(provider, dataset, price, autoAgree: false);

        var n = await NegotiationClient.ExpectAsync(await RequestOfferAsync(buyer, offer.GetProperty("id").GetGuid()), HttpStatusCode.Created);
        Assert.Equal(("REQUESTED", "provider"), (n.GetProperty("state").GetString(), n.GetProperty("turn").GetString()));
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), n.GetProperty("terms").GetProperty("startDate").GetString());
        // The provider answers as to any request: it offers, or agrees to the request as it is — signed by its person, not the offer.
        var offered = await NegotiationClient.ActOkAsync(provider, n.GetProperty("id").GetGuid(), "offer");
        Assert.Equal("OFFERED", offered.GetProperty("state").GetString());
        var again = await NegotiationClient.ExpectAsync(await RequestOfferAsync(buyer, offer.GetProperty("id").GetGuid()), HttpStatusCode.Created);
        var agreed = await NegotiationClient.ActOkAsync(provider, again.GetProperty("id").GetGuid(), "agree");
        Assert.Equal(("AGREED", "provider"), (agreed.GetProperty("state").GetString(), agreed.GetProperty("history").EnumerateArray().Last().GetProperty("by").GetString()));
        Assert.DoesNotContain("standard-offer:", agreed.GetProperty("history").EnumerateArray().Last().GetProperty("subject").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_its_provider_publishes_and_withdraws_an_offer_and_a_withdrawn_offer_takes_no_requests()
    {
        using var buyer = await As("demo-buyer-a");
        using var provider = await As("demo-provider-x");
        using var otherProvider = await As("demo-provider-y");
        var dataset = await NegotiationClient.PublishDatasetAsync(provider);
        var price = await NegotiationClient.ReferencePriceAsync(buyer, dataset, NegotiationClient.Terms("ai-training", 24));

        await NegotiationClient.ExpectAsync(await PublishOfferAsync(otherProvider, dataset, price, autoAgree: true), HttpStatusCode.NotFound);
        await NegotiationClient.ExpectAsync(await PublishOfferAsync(buyer, dataset, price, autoAgree: true), HttpStatusCode.Forbidden);
        var noPrice = await NegotiationClient.ExpectAsync(
            await provider.PostAsJsonAsync($"/api/contracts/datasets/{dataset}/standard-offers", new { terms = NegotiationClient.Terms() }), HttpStatusCode.BadRequest);
        Assert.True(noPrice.GetProperty("errors").TryGetProperty("priceKrw", out _));
        var offerId = (await OfferAsync(provider, dataset, price, autoAgree: true)).GetProperty("id").GetGuid();

        await NegotiationClient.ExpectAsync(await otherProvider.PostAsync($"/api/contracts/standard-offers/{offerId}/withdraw", null), HttpStatusCode.NotFound);
        await NegotiationClient.ExpectAsync(await RequestOfferAsync(provider, offerId), HttpStatusCode.Forbidden);
        var withdrawn = await NegotiationClient.ExpectAsync(await provider.PostAsync($"/api/contracts/standard-offers/{offerId}/withdraw", null), HttpStatusCode.OK);
        Assert.Equal(("WITHDRAWN", "provider"), (withdrawn.GetProperty("status").GetString(), withdrawn.GetProperty("withdrawalReason").GetString()));
        await NegotiationClient.ExpectAsync(await provider.PostAsync($"/api/contracts/standard-offers/{offerId}/withdraw", null), HttpStatusCode.Conflict);

        var refused = await NegotiationClient.ExpectAsync(await RequestOfferAsync(buyer, offerId), HttpStatusCode.Conflict);
        Assert.Equal("WITHDRAWN", refused.GetProperty("status").GetString());
        Assert.Empty((await buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/datasets/{dataset}/standard-offers")).GetProperty("items").EnumerateArray());
        var negotiations = await buyer.GetFromJsonAsync<JsonElement>("/api/contracts/negotiations?limit=100");
        Assert.DoesNotContain(negotiations.GetProperty("items").EnumerateArray(), n => n.GetProperty("datasetId").GetGuid() == dataset);
    }

    [Fact]
    public async Task An_organisation_that_buys_and_provides_cannot_request_its_own_offer()
    {
        using var anonymous = market.Host.CreateClient();
        using var admin = await As("demo-admin");
        using var buyer = await As("demo-buyer-a");
        var both = await Organisations.RegisterAsync(anonymous, "provider,buyer", admin);
        using var trader = await Tokens.SignedInAsync(market.BaseAddress, both.ClientId, both.ClientSecret);
        var dataset = await NegotiationClient.PublishDatasetAsync(trader);
        var price = await NegotiationClient.ReferencePriceAsync(buyer, dataset, NegotiationClient.Terms("ai-training", 24));
        var offerId = (await OfferAsync(trader, dataset, price, autoAgree: true)).GetProperty("id").GetGuid();

        var refused = await NegotiationClient.ExpectAsync(await RequestOfferAsync(trader, offerId), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("An organisation cannot request its own standard offer.", refused.GetProperty("detail").GetString());
        Assert.Equal("ACTIVE", (await trader.GetFromJsonAsync<JsonElement>($"/api/contracts/standard-offers/{offerId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Offers_on_a_restricted_dataset_are_invisible_to_organisations_it_does_not_name()
    {
        using var buyerA = await As("demo-buyer-a");
        using var buyerB = await As("demo-buyer-b");
        using var provider = await As("demo-provider-x");
        var dataset = await NegotiationClient.PublishDatasetAsync(provider, visibleTo: [DemoOrganisations.BuyerA]);
        var price = await NegotiationClient.ReferencePriceAsync(buyerA, dataset, NegotiationClient.Terms("ai-training", 24));
        var offerId = (await OfferAsync(provider, dataset, price, autoAgree: true)).GetProperty("id").GetGuid();

        await NegotiationClient.ExpectAsync(await buyerB.GetAsync($"/api/contracts/standard-offers/{offerId}"), HttpStatusCode.NotFound);
        await NegotiationClient.ExpectAsync(await buyerB.GetAsync($"/api/contracts/datasets/{dataset}/standard-offers"), HttpStatusCode.NotFound);
        await NegotiationClient.ExpectAsync(await RequestOfferAsync(buyerB, offerId), HttpStatusCode.NotFound);
        await NegotiationClient.ExpectAsync(await RequestOfferAsync(buyerA, offerId), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_baseline_that_puts_the_price_outside_the_band_withdraws_the_offer_with_an_event()
    {
        using var buyer = await As("demo-buyer-a");
        using var provider = await As("demo-provider-x");
        using var admin = await As("demo-admin");
        // A category no other test prices, so the new baseline changes no other test's band.
        var dataset = await NegotiationClient.PublishDatasetAsync(provider, "energy", "cad-3d");
        var band = await NegotiationClient.BandAsync(buyer, dataset, NegotiationClient.Terms("ai-training", 24));
        var offerId = (await OfferAsync(provider, dataset, band.GetProperty("bandCeilingKrw").GetDecimal(), autoAgree: true)).GetProperty("id").GetGuid();

        var draft = await NegotiationClient.ExpectAsync(await admin.PostAsJsonAsync("/api/pricing/baselines", new
        {
            processStage = "energy", dataType = "cad-3d", basePrice = band.GetProperty("basePriceKrw").GetDecimal() * 4, factors = await DemoFactorsAsync(admin),
        }), HttpStatusCode.Created);
        await NegotiationClient.ExpectAsync(await admin.PostAsJsonAsync($"/api/pricing/baselines/{draft.GetProperty("id").GetGuid()}/publish", new { }), HttpStatusCode.OK);

        var withdrawn = await Eventually.GetAsync<JsonElement?>(async () =>
        {
            var o = await buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/standard-offers/{offerId}");
            return o.GetProperty("status").GetString() == "WITHDRAWN" ? o : null;
        }, TimeSpan.FromSeconds(30), "the new baseline to withdraw the offer");
        Assert.Equal("outside-band", withdrawn!.Value.GetProperty("withdrawalReason").GetString());
        Assert.Equal(1, await market.OutboxCountAsync("contracts", "StandardOfferWithdrawn", offerId));
        await NegotiationClient.ExpectAsync(await RequestOfferAsync(buyer, offerId), HttpStatusCode.Conflict);
    }
}
