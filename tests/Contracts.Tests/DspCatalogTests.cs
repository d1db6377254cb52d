using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.BuildingBlocks.Hosting;

namespace Marketplace.Contracts.Tests;

/// <summary>
/// The Dataspace Protocol's metadata and catalog protocol, provider side, as a connector meets them (the DSP TCK's
/// MET and CAT cases), on both stores (the fixtures of <see cref="ContractsApiTests"/>).
/// </summary>
public abstract partial class ContractsApiTests
{
    [Fact]
    public async Task MET_01_01_the_version_metadata_names_2025_1_its_https_binding_and_path_to_anyone()
    {
        using var anonymous = market.Host.CreateClient();
        Assert.Equal("/api/contracts/dsp", await new DspConsumer(anonymous).VersionAsync());
    }

    [Fact]
    public async Task CAT_01_01_to_03_the_catalog_lists_datasets_with_standard_offers_the_connector_may_see_and_an_unknown_one_is_a_catalog_error()
    {
        using var buyerA = await As("demo-buyer-a");
        using var buyerB = await As("demo-buyer-b");
        using var provider = await As("demo-provider-x");
        var dsp = await new DspConsumer(buyerA).VersionAsync();
        var open = await NegotiationClient.PublishDatasetAsync(provider);
        var restricted = await NegotiationClient.PublishDatasetAsync(provider, visibleTo: [DemoOrganisations.BuyerA]);
        var withoutOffer = await NegotiationClient.PublishDatasetAsync(provider);
        var price = await NegotiationClient.ReferencePriceAsync(buyerA, open, NegotiationClient.Terms("ai-training", 24));
        var offer = await OfferAsync(provider, open, price, autoAgree: true);
        await OfferAsync(provider, restricted, price, autoAgree: false);

        // CAT:01-01: the whole catalog, page by page (Link rel=next), as buyer A's connector sees it.
        var seen = new List<JsonElement>();
        var url = $"{dsp}/catalog/request?limit=1";
        var pages = 0;
        while (url is not null)
        {
            var page = await new DspConsumer(buyerA).CatalogAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(("Catalog", market.BaseAddress.ToString()), (page.Compacted.GetProperty("@type").GetString(), page.Compacted.GetProperty("participantId").GetString()));
            Assert.EndsWith(dsp, Assert.Single(page.Compacted.GetProperty("service").EnumerateArray()).GetProperty("endpointURL").GetString(), StringComparison.Ordinal);
            seen.AddRange(page.Compacted.TryGetProperty("dataset", out var datasets) ? datasets.EnumerateArray() : []);
            url = page.Response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('<', '>')[1] : null;
            pages++;
        }

        var ids = seen.Select(d => d.GetProperty("@id").GetString()).ToList();
        Assert.True(pages >= 2, $"{ids.Count} datasets on {pages} page(s)");
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains(Iri(open), ids);
        Assert.Contains(Iri(restricted), ids);
        Assert.DoesNotContain(Iri(withoutOffer), ids);

        // Each dataset's offers are ODRL offers in the marketplace profile: the price a duty to compensate in KRW, no target.
        var listed = seen.Single(d => d.GetProperty("@id").GetString() == Iri(open));
        var policy = Assert.Single(listed.GetProperty("hasPolicy").EnumerateArray());
        Assert.Equal(($"{market.BaseAddress}api/contracts/standard-offers/{offer.GetProperty("id").GetGuid()}", "Offer"),
            (policy.GetProperty("@id").GetString(), policy.GetProperty("@type").GetString()));
        Assert.False(policy.TryGetProperty("target", out _));
        var duty = policy.GetProperty("permission")[0].GetProperty("duty")[0];
        Assert.Equal("odrl:compensate", duty.GetProperty("action").GetString());
        var payAmount = duty.GetProperty("constraint")[0];
        Assert.Equal(("odrl:payAmount", price.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (payAmount.GetProperty("leftOperand").GetString(), payAmount.GetProperty("rightOperand").GetProperty("@value").GetString()));

        // Restricted datasets stay invisible to connectors of organisations they do not name.
        var other = await new DspConsumer(buyerB).CatalogAsync($"{dsp}/catalog/request");
        var otherIds = other.Compacted.TryGetProperty("dataset", out var visible) ? visible.EnumerateArray().Select(d => d.GetProperty("@id").GetString()).ToList() : [];
        Assert.Contains(Iri(open), otherIds);
        Assert.DoesNotContain(Iri(restricted), otherIds);

        // CAT:01-02: one dataset by its id, or by its whole IRI.
        var dataset = await new DspConsumer(buyerA).DatasetAsync($"{dsp}/catalog/datasets/{open}");
        Assert.Equal((HttpStatusCode.OK, Iri(open)), (dataset.Status, dataset.Compacted.GetProperty("@id").GetString()));
        var byIri = await new DspConsumer(buyerA).DatasetAsync($"{dsp}/catalog/datasets/{Uri.EscapeDataString(Iri(open))}");
        Assert.Equal(HttpStatusCode.OK, byIri.Status);

        // CAT:01-03: unknown, restricted to others, or without an offer: 404 with a CatalogError.
        foreach (var (client, id) in new[] { (buyerA, Guid.NewGuid()), (buyerB, restricted), (buyerA, withoutOffer) })
        {
            var missing = await new DspConsumer(client).DatasetAsync($"{dsp}/catalog/datasets/{id}");
            Assert.Equal((HttpStatusCode.NotFound, "CatalogError"), (missing.Status, missing.Compacted.GetProperty("@type").GetString()));
        }
    }

    [Fact]
    public async Task A_catalog_request_that_is_not_one_or_comes_without_a_token_is_refused_with_a_clear_error()
    {
        using var buyer = await As("demo-buyer-a");
        using var anonymous = market.Host.CreateClient();
        var consumer = new DspConsumer(buyer);
        foreach (var body in new[] { "not json", """{"@type":"ContractRequestMessage"}""", "[]" })
        {
            var refused = await consumer.CatalogAsync("/api/contracts/dsp/catalog/request", body);
            Assert.Equal((HttpStatusCode.BadRequest, "CatalogError"), (refused.Status, refused.Compacted.GetProperty("@type").GetString()));
        }

        var badCursor = await consumer.CatalogAsync("/api/contracts/dsp/catalog/request?cursor=nope");
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await new DspConsumer(anonymous).CatalogAsync("/api/contracts/dsp/catalog/request")).Status);
        // The profile's context is public, for connectors that read offers with its short names.
        var profile = await anonymous.GetFromJsonAsync<JsonElement>("/api/contracts/dsp/odrl-profile");
        Assert.Equal("http://www.w3.org/ns/odrl/2/", profile.GetProperty("@context").GetProperty("@vocab").GetString());
    }

    private string Iri(Guid dataset) => $"{market.BaseAddress}api/catalog/datasets/{dataset}";
}
