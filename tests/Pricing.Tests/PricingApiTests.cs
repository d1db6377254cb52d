using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.BuildingBlocks.Hosting;

namespace Marketplace.Pricing.Tests;

/// <summary>Baselines, quotes and vouchers through the real API of an all-in-one marketplace with its demo data.</summary>
public sealed class PricingApiTests(AllInOneMarketplace market) : IClassFixture<AllInOneMarketplace>
{
    private Task<HttpClient> As(string client) => Tokens.DemoAsync(market.BaseAddress, client);

    [Fact]
    public async Task A_quote_is_explained_and_an_sme_buyer_sees_the_voucher()
    {
        using var smeBuyer = await As("demo-buyer-b");
        using var otherBuyer = await As("demo-buyer-a");
        var dataset = await market.DemoDatasetAsync("processStage=production&dataType=sensor-time-series");

        var quote = await PricingApi.QuoteWhenListedAsync(smeBuyer, dataset);
        var price = quote.GetProperty("price");
        Assert.False(price.GetProperty("defaultBaseline").GetBoolean());
        Assert.Equal(1, price.GetProperty("baselineVersion").GetInt32());
        Assert.Equal(6, price.GetProperty("factors").GetArrayLength());
        Assert.All(price.GetProperty("factors").EnumerateArray(), f => Assert.False(string.IsNullOrEmpty(f.GetProperty("labelKo").GetString())));
        var reference = price.GetProperty("referencePriceKrw").GetDecimal();
        Assert.Equal(decimal.Round(reference), reference);
        Assert.True(price.GetProperty("bandFloorKrw").GetDecimal() < reference && reference < price.GetProperty("bandCeilingKrw").GetDecimal());
        Assert.Equal(reference - price.GetProperty("platformFeeKrw").GetDecimal(), price.GetProperty("providerNetKrw").GetDecimal());
        var voucher = quote.GetProperty("voucher");
        Assert.Equal(reference - voucher.GetProperty("subsidyKrw").GetDecimal(), voucher.GetProperty("buyerPaysKrw").GetDecimal());

        var notSme = await PricingApi.ExpectAsync(await PricingApi.QuoteAsync(otherBuyer, dataset), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, notSme.GetProperty("voucher").ValueKind);
    }

    [Fact]
    public async Task A_buyer_covered_by_two_programmes_gets_one_subsidy_from_the_one_that_pays_most_never_more_than_the_price()
    {
        using var admin = await As("demo-admin");
        using var buyer = await As("demo-buyer-b"); // an SME: the demo programme pays it 50 %
        using var provider = await As("demo-provider-x");
        var now = DateTime.UtcNow;
        var full = await PricingApi.ExpectAsync(await admin.PostAsJsonAsync("/api/pricing/vouchers", new
        {
            name = "Full subsidy for Smart Factory Lab", forSmes = false, organisations = new[] { DemoOrganisations.BuyerB },
            subsidyPercent = 100, capPerAgreementKrw = 100_000_000, budgetKrw = 1_000_000_000, validFrom = now.AddMinutes(-1), validTo = now.AddDays(1),
        }), HttpStatusCode.Created);
        var vouchers = await admin.GetFromJsonAsync<JsonElement>("/api/pricing/vouchers?limit=100");
        var before = vouchers.GetProperty("items").EnumerateArray().ToDictionary(v => v.GetProperty("id").GetGuid(), v => v.GetProperty("reservedKrw").GetDecimal());

        var dataset = await market.DemoDatasetAsync("processStage=production&dataType=sensor-time-series");
        var price = await NegotiationClient.ReferencePriceAsync(buyer, dataset);
        var quote = await PricingApi.ExpectAsync(await PricingApi.QuoteAsync(buyer, dataset, purpose: "research"), HttpStatusCode.OK);
        Assert.Equal(full.GetProperty("id").GetGuid(), quote.GetProperty("voucher").GetProperty("programmeId").GetGuid());
        await NegotiationClient.DriveAsync(buyer, provider, dataset, price, "FINALIZED");

        var fullUrl = $"/api/pricing/vouchers/{full.GetProperty("id").GetGuid()}";
        var after = await Eventually.GetAsync<JsonElement?>(async () =>
        {
            var programme = await admin.GetFromJsonAsync<JsonElement>(fullUrl);
            return programme.GetProperty("reservations").GetInt32() > 0 ? programme : null;
        }, TimeSpan.FromSeconds(30), "the subsidy to be reserved");
        Assert.Equal(price, after!.Value.GetProperty("reservedKrw").GetDecimal());
        // No other programme paid anything towards it: subsidies never stack.
        var others = (await admin.GetFromJsonAsync<JsonElement>("/api/pricing/vouchers?limit=100")).GetProperty("items").EnumerateArray()
            .Where(v => v.GetProperty("id").GetGuid() != full.GetProperty("id").GetGuid());
        Assert.All(others, v => Assert.Equal(before[v.GetProperty("id").GetGuid()], v.GetProperty("reservedKrw").GetDecimal()));
    }

    [Fact]
    public async Task A_baseline_draft_and_a_voucher_programme_carry_an_etag_and_a_stale_if_match_is_412()
    {
        using var admin = await As("demo-admin");
        var draft = await PricingApi.DraftAsync(admin, PricingApi.Baseline("design", "cad-3d", 7_000_000m));
        var read = await admin.GetAsync($"/api/pricing/baselines/{draft}");
        Assert.NotNull(read.Headers.ETag);

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/pricing/baselines/{draft}") { Content = JsonContent.Create(PricingApi.Baseline("design", "cad-3d", 8_000_000m)) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"stale\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.SendAsync(stale)).StatusCode);
        using var current = new HttpRequestMessage(HttpMethod.Put, $"/api/pricing/baselines/{draft}") { Content = JsonContent.Create(PricingApi.Baseline("design", "cad-3d", 8_000_000m)) };
        current.Headers.IfMatch.Add(read.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(current)).StatusCode);

        var vouchers = await admin.GetFromJsonAsync<JsonElement>("/api/pricing/vouchers");
        var voucher = await admin.GetAsync($"/api/pricing/vouchers/{vouchers.GetProperty("items")[0].GetProperty("id").GetGuid()}");
        Assert.NotNull(voucher.Headers.ETag);
    }

    [Fact]
    public async Task A_quote_at_a_moment_uses_the_version_in_force_then_and_old_versions_never_change()
    {
        using var admin = await As("demo-admin");
        using var buyer = await As("demo-buyer-a");
        var dataset = await market.DemoDatasetAsync("processStage=design&dataType=cad-3d");
        var now = DateTime.UtcNow;

        // No baseline of its own yet: the default applies.
        Assert.True((await PricingApi.QuoteWhenListedAsync(buyer, dataset)).GetProperty("price").GetProperty("defaultBaseline").GetBoolean());

        var first = await PricingApi.DraftAsync(admin, PricingApi.Baseline("design", "cad-3d", 9_000_000m));
        var preview = await PricingApi.ExpectAsync(await admin.PostAsJsonAsync($"/api/pricing/baselines/{first}/preview",
            new { datasetIds = new[] { dataset, Guid.NewGuid() }, purpose = "internal-operations", durationMonths = 12 }), HttpStatusCode.OK);
        Assert.Equal(9_000_000m, preview[0].GetProperty("quote").GetProperty("basePriceKrw").GetDecimal());
        Assert.Equal(JsonValueKind.Null, preview[1].GetProperty("quote").ValueKind);

        await PricingApi.PublishAsync(admin, first, now.AddHours(1));
        var second = await PricingApi.DraftAsync(admin, PricingApi.Baseline("design", "cad-3d", 12_000_000m));
        await PricingApi.PublishAsync(admin, second, now.AddHours(3));

        async Task<(int Version, decimal Base, bool Default)> PriceAt(DateTime at)
        {
            var price = (await PricingApi.ExpectAsync(await PricingApi.QuoteAsync(buyer, dataset, at: at), HttpStatusCode.OK)).GetProperty("price");
            return (price.GetProperty("baselineVersion").GetInt32(), price.GetProperty("basePriceKrw").GetDecimal(), price.GetProperty("defaultBaseline").GetBoolean());
        }

        Assert.True((await PriceAt(now.AddMinutes(30))).Default);
        Assert.Equal((1, 9_000_000m, false), await PriceAt(now.AddHours(2)));
        Assert.Equal((2, 12_000_000m, false), await PriceAt(now.AddHours(4)));

        // Published versions are immutable.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/pricing/baselines/{first}", PricingApi.Baseline("design", "cad-3d", 1m))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/pricing/baselines/{first}/publish", new { })).StatusCode);
        var v1 = await buyer.GetFromJsonAsync<JsonElement>($"/api/pricing/baselines/{first}");
        Assert.Equal((1, 9_000_000m), (v1.GetProperty("version").GetInt32(), v1.GetProperty("basePrice").GetDecimal()));
    }

    [Fact]
    public async Task Only_administrators_write_baselines_and_vouchers()
    {
        using var admin = await As("demo-admin");
        var draft = await PricingApi.DraftAsync(admin, PricingApi.Baseline("logistics", "logs-events", 1_000_000m));
        var voucher = new { name = "v", forSmes = true, subsidyPercent = 10, capPerAgreementKrw = 1000, budgetKrw = 10000, validFrom = DateTime.UtcNow, validTo = DateTime.UtcNow.AddDays(1) };
        foreach (var caller in new[] { "demo-buyer-a", "demo-provider-x" })
        {
            using var client = await As(caller);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/pricing/baselines", PricingApi.Baseline(null, null, 1m))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/pricing/baselines/{draft}", PricingApi.Baseline("logistics", "logs-events", 1m))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/pricing/baselines/{draft}/publish", new { })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/pricing/vouchers", voucher)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/pricing/baselines/{draft}")).StatusCode);
        }
    }

    [Fact]
    public async Task Bad_input_gets_a_problem_naming_the_field()
    {
        using var admin = await As("demo-admin");
        using var buyer = await As("demo-buyer-a");

        await AssertFieldAsync(await admin.PostAsJsonAsync("/api/pricing/baselines", PricingApi.Baseline(null, null, -5m)), 400, "basePrice");
        var inverted = PricingApi.Factors();
        inverted["floorPercent"] = 100;
        inverted["ceilingPercent"] = 120;
        inverted["floorPercent"] = 130;
        await AssertFieldAsync(await admin.PostAsJsonAsync("/api/pricing/baselines", PricingApi.Baseline(null, null, 5m, inverted)), 400, "factors.floorPercent");
        await AssertFieldAsync(await admin.PostAsJsonAsync("/api/pricing/baselines", PricingApi.Baseline("painting", "image-video", 5m)), 400, "processStage");
        await AssertFieldAsync(await admin.PostAsJsonAsync("/api/pricing/vouchers", new { name = "", subsidyPercent = 150, capPerAgreementKrw = 0, budgetKrw = -1, validFrom = DateTime.UtcNow, validTo = DateTime.UtcNow.AddDays(-1) }), 400, "subsidyPercent");

        var dataset = await market.DemoDatasetAsync("processStage=production&dataType=sensor-time-series");
        await PricingApi.QuoteWhenListedAsync(buyer, dataset);
        await AssertFieldAsync(await PricingApi.QuoteAsync(buyer, dataset, purpose: "espionage"), 400, "purpose");
        await AssertFieldAsync(await PricingApi.QuoteAsync(buyer, dataset, months: 0), 400, "durationMonths");
        Assert.Equal(HttpStatusCode.NotFound, (await PricingApi.QuoteAsync(buyer, Guid.NewGuid())).StatusCode);
        var notExclusive = await market.DemoDatasetAsync("processStage=energy");
        await PricingApi.QuoteWhenListedAsync(buyer, notExclusive);
        await AssertFieldAsync(await PricingApi.QuoteAsync(buyer, notExclusive, exclusive: true), 422, "exclusive");
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, int status, string field)
    {
        var body = await PricingApi.ExpectAsync(response, (HttpStatusCode)status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {body}");
    }
}
