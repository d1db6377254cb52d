using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marketplace.BuildingBlocks.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Contracts.Tests;

/// <summary>
/// Negotiation through the real API of an all-in-one marketplace with its demo data, once on SQLite with
/// the in-memory bus (as README's first command runs it) and once on PostgreSQL, with real tokens for two
/// buyers, two providers and an administrator.
/// </summary>
public abstract partial class ContractsApiTests(AllInOneMarketplace market)
{
    private Task<HttpClient> As(string client) => Tokens.DemoAsync(market.BaseAddress, client);

    [Fact]
    public async Task Every_state_action_and_caller_either_moves_the_negotiation_or_is_refused_and_changes_nothing()
    {
        using var buyer = await As("demo-buyer-a");
        using var provider = await As("demo-provider-x");
        using var otherBuyer = await As("demo-buyer-b");
        using var otherProvider = await As("demo-provider-y");
        using var admin = await As("demo-admin");
        var dataset = await NegotiationClient.PublishDatasetAsync(provider);
        var price = await NegotiationClient.ReferencePriceAsync(buyer, dataset);
        var callers = new (string Name, HttpClient Client)[] { ("buyer", buyer), ("provider", provider), ("other buyer", otherBuyer), ("other provider", otherProvider), ("admin", admin) };
        // Who may take each action in which state, and what follows; everything else is refused.
        var allowed = new Dictionary<(string State, string Action, string Caller), string>
        {
            [("REQUESTED", "offer", "provider")] = "OFFERED",
            [("OFFERED", "counter", "buyer")] = "REQUESTED",
            [("OFFERED", "accept", "buyer")] = "ACCEPTED",
            [("REQUESTED", "agree", "provider")] = "AGREED",
            [("ACCEPTED", "agree", "provider")] = "AGREED",
            [("AGREED", "verify", "buyer")] = "VERIFIED",
            [("VERIFIED", "finalize", "buyer")] = "FINALIZED",
            [("VERIFIED", "finalize", "provider")] = "FINALIZED",
        };
        string[] states = ["REQUESTED", "OFFERED", "ACCEPTED", "AGREED", "VERIFIED", "FINALIZED", "TERMINATED"];
        foreach (var state in states.Where(s => s is not ("FINALIZED" or "TERMINATED")))
        {
            allowed[(state, "terminate", "buyer")] = "TERMINATED";
            allowed[(state, "terminate", "provider")] = "TERMINATED";
        }

        var checkedCases = 0;
        foreach (var state in states)
        {
            var standing = await NegotiationClient.DriveAsync(buyer, provider, dataset, price, state);
            var id = standing.GetProperty("id").GetGuid();
            foreach (var (name, client) in callers)
            {
                // Reading: the parties and administrators; nobody else learns it exists.
                var read = await client.GetAsync($"/api/contracts/negotiations/{id}");
                Assert.Equal(name.StartsWith("other", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK, read.StatusCode);

                foreach (var action in NegotiationClient.Actions)
                {
                    checkedCases++;
                    if (allowed.TryGetValue((state, action, name), out var next))
                    {
                        var fresh = await NegotiationClient.DriveAsync(buyer, provider, dataset, price, state);
                        var moved = action == "verify"
                            ? await NegotiationClient.VerifyAsync(client, fresh)
                            : await NegotiationClient.ActOkAsync(client, fresh.GetProperty("id").GetGuid(), action, Body(action));
                        Assert.Equal(next, moved.GetProperty("state").GetString());
                        continue;
                    }

                    var refused = await NegotiationClient.ActAsync(client, id, action, Body(action));
                    var expected = name switch
                    {
                        "admin" => HttpStatusCode.Forbidden,
                        "other buyer" or "other provider" => HttpStatusCode.NotFound,
                        _ => HttpStatusCode.Conflict,
                    };
                    var problem = await NegotiationClient.ExpectAsync(refused, expected);
                    if (expected == HttpStatusCode.Conflict)
                    {
                        Assert.Equal(state, problem.GetProperty("state").GetString());
                    }

                    var after = await buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/negotiations/{id}");
                    Assert.Equal((state, standing.GetProperty("revision").GetInt32()), (after.GetProperty("state").GetString(), after.GetProperty("revision").GetInt32()));
                }
            }
        }

        Assert.Equal(7 * 5 * 7, checkedCases);
    }

    [Fact]
    public async Task A_negotiation_ends_in_a_signed_agreement_and_a_grant_the_provider_verifies_with_the_jwks_alone()
    {
        using var buyer = await As("demo-buyer-b");
        using var provider = await As("demo-provider-x");
        using var anonymous = market.Host.CreateClient();
        var dataset = await NegotiationClient.PublishDatasetAsync(provider);
        var band = await NegotiationClient.BandAsync(buyer, dataset, NegotiationClient.Terms("ai-training", 24));
        var (floor, reference) = (band.GetProperty("bandFloorKrw").GetDecimal(), band.GetProperty("referencePriceKrw").GetDecimal());

        var n = await NegotiationClient.OpenAsync(buyer, dataset, floor, NegotiationClient.Terms("ai-training", 24));
        var id = n.GetProperty("id").GetGuid();
        await NegotiationClient.ActOkAsync(provider, id, "offer", new { priceKrw = reference, terms = new { deletionDays = 10 } });
        await NegotiationClient.ActOkAsync(buyer, id, "accept");
        n = await NegotiationClient.ActOkAsync(provider, id, "agree");
        n = await NegotiationClient.VerifyAsync(buyer, n);
        n = await NegotiationClient.ActOkAsync(provider, id, "finalize");
        Assert.Equal(("FINALIZED", 2), (n.GetProperty("state").GetString(), n.GetProperty("rounds").GetArrayLength()));
        Assert.Equal(["request", "offer", "accept", "agree", "verify", "finalize"], n.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));

        var agreementId = n.GetProperty("agreementId").GetGuid();
        var agreement = await buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/agreements/{agreementId}");
        Assert.Equal("FINALIZED", agreement.GetProperty("status").GetString());
        Assert.Equal(reference, agreement.GetProperty("priceKrw").GetDecimal());
        Assert.Equal(10, agreement.GetProperty("terms").GetProperty("deletionDays").GetInt32());
        // Nobody set a liability cap: it followed the price from the request (the floor) to the final price.
        Assert.Equal(reference, agreement.GetProperty("terms").GetProperty("liabilityCapKrw").GetDecimal());
        var canonical = agreement.GetProperty("canonicalDocument").GetString()!;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        Assert.Equal(hash, agreement.GetProperty("hash").GetString());
        Assert.Equal(agreement.GetProperty("priceCheck").GetProperty("baselineVersion").GetInt32(),
            JsonDocument.Parse(canonical).RootElement.GetProperty("pricing").GetProperty("baselineVersion").GetInt32());
        Assert.Equal(DemoOrganisations.ProviderX, agreement.GetProperty("providerSignature").GetProperty("organisationId").GetGuid());
        Assert.Equal(DemoOrganisations.BuyerB, agreement.GetProperty("buyerSignature").GetProperty("organisationId").GetGuid());

        // The provider verifies receipt and grant with the public JWKS only (anonymous request, no shared secret).
        var jwks = new JsonWebKeySet(await anonymous.GetStringAsync("/api/contracts/jwks"));
        var receipt = await ValidateAsync(agreement.GetProperty("receipt").GetString()!, jwks, audience: null);
        Assert.Equal(hash, receipt.Claims["agreement_hash"]);
        // The receipt names each signature's time exactly as the agreement shows it (microseconds, as stored).
        var signedAt = new JsonWebToken(agreement.GetProperty("receipt").GetString()!).GetPayloadValue<JsonElement>("buyer").GetProperty("signed_at").GetString();
        Assert.Equal(agreement.GetProperty("buyerSignature").GetProperty("at").GetString(), signedAt);

        using var issued = await buyer.PostAsync($"/api/contracts/agreements/{agreementId}/grants", null);
        var grant = await NegotiationClient.ExpectAsync(issued, HttpStatusCode.Created);
        var token = grant.GetProperty("grant").GetString()!;
        // The Location names the grant's record, which both parties read (never the token again).
        foreach (var party in new[] { buyer, provider })
        {
            var record = await party.GetFromJsonAsync<JsonElement>(issued.Headers.Location);
            Assert.Equal((grant.GetProperty("grantId").GetGuid(), agreementId), (record.GetProperty("grantId").GetGuid(), record.GetProperty("agreementId").GetGuid()));
            Assert.False(record.TryGetProperty("grant", out _));
        }

        var claims = (await ValidateAsync(token, jwks, audience: DemoOrganisations.ProviderX.ToString())).Claims;
        Assert.Equal((dataset.ToString(), hash, DemoOrganisations.BuyerB.ToString()), ((string)claims["dataset_id"], (string)claims["agreement_hash"], (string)claims["buyer_org"]));
        Assert.Equal(agreement.GetProperty("endsAt").GetDateTime(), new JsonWebToken(token).ValidTo);

        // The provider's data endpoint of examples/ProviderDataEndpoint, with the JWKS saved once.
        var verifier = new ProviderDataEndpoint.GrantVerifier(await anonymous.GetStringAsync("/api/contracts/jwks"), DemoOrganisations.ProviderX);
        Assert.Null(await verifier.RefuseAsync(token, dataset));
        Assert.Equal("the grant is for another dataset", await verifier.RefuseAsync(token, Guid.NewGuid()));
        var tampered = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];
        Assert.NotNull(await verifier.RefuseAsync(tampered, dataset));
        Assert.NotNull(await verifier.RefuseAsync(agreement.GetProperty("receipt").GetString(), dataset));
        var otherProvider = new ProviderDataEndpoint.GrantVerifier(await anonymous.GetStringAsync("/api/contracts/jwks"), DemoOrganisations.ProviderY);
        Assert.NotNull(await otherProvider.RefuseAsync(token, dataset));
        // Only the buyer fetches grants.
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PostAsync($"/api/contracts/agreements/{agreementId}/grants", null)).StatusCode);

        // The agreement also reads as ODRL (expanded by a JSON-LD processor from its inline context) and as text in both languages.
        var odrlText = await buyer.GetStringAsync($"/api/contracts/agreements/{agreementId}/odrl");
        var odrl = JsonLd.Expand(odrlText);
        Assert.Equal("http://www.w3.org/ns/odrl/2/Agreement", odrl[0].GetProperty("@type")[0].GetString());
        Assert.True(odrl[0].TryGetProperty("http://www.w3.org/ns/odrl/2/permission", out _));
        Assert.False(odrl[0].TryGetProperty("http://www.w3.org/ns/odrl/2/prohibition", out _) && odrl[0].GetProperty("http://www.w3.org/ns/odrl/2/prohibition").GetArrayLength() == 0);

        // Wrapped in a Dataspace Protocol ContractAgreementMessage and compacted with the DSP 2025-1 context, it
        // validates against the DSP schemas.
        var (message, schemaErrors) = LinkedData.DspAgreementMessage(odrlText, $"urn:uuid:{id}", $"urn:uuid:{id}");
        Assert.True(schemaErrors.Length == 0, $"{string.Join('\n', schemaErrors)}\n{message}");
        var dspAgreement = message.GetProperty("agreement");
        Assert.False(string.IsNullOrEmpty(dspAgreement.GetProperty("timestamp").GetString()));

        // One identifier per thing: the agreement names the dataset, its provider and the purposes as the catalog does.
        var dcat = JsonLd.Expand(await anonymous.GetStringAsync($"/api/catalog/datasets/{dataset}/dcat"))[0];
        Assert.StartsWith(dcat.GetProperty("@id").GetString() + "/versions/", dspAgreement.GetProperty("target").GetString());
        Assert.Equal(dcat.GetProperty("http://purl.org/dc/terms/publisher")[0].GetProperty("@id").GetString(), dspAgreement.GetProperty("assigner").GetString());
        var use = odrl[0].GetProperty("http://www.w3.org/ns/odrl/2/permission")[0];
        var purposes = use.GetProperty("http://www.w3.org/ns/odrl/2/constraint").EnumerateArray()
            .First(c => c.GetProperty("http://www.w3.org/ns/odrl/2/leftOperand")[0].GetProperty("@id").GetString() == "http://www.w3.org/ns/odrl/2/purpose")
            .GetProperty("http://www.w3.org/ns/odrl/2/rightOperand").EnumerateArray().Select(p => p.GetProperty("@id").GetString()).ToList();
        var offered = dcat.GetProperty("http://www.w3.org/ns/odrl/2/hasPolicy")[0].GetProperty("http://www.w3.org/ns/odrl/2/permission")[0]
            .GetProperty("http://www.w3.org/ns/odrl/2/constraint")[0].GetProperty("http://www.w3.org/ns/odrl/2/rightOperand").EnumerateArray().Select(p => p.GetProperty("@id").GetString());
        Assert.NotEmpty(purposes);
        Assert.Subset(offered.ToHashSet(), purposes.ToHashSet());
        var ko = await buyer.GetStringAsync($"/api/contracts/agreements/{agreementId}/text?lang=ko");
        var en = await provider.GetStringAsync($"/api/contracts/agreements/{agreementId}/text?lang=en");
        Assert.Contains("대한민국 법", ko);
        // The standard scope is said in the text's language.
        Assert.Contains("이용 범위: 을의 조직 내부에서 합의된 목적에 한하여 이용", ko);
        Assert.Contains("Scope: Use inside the buyer organisation for the agreed purposes", en);
        // Parties are named, in the text's language, wherever a person reads them.
        Assert.Contains("제공자(갑): 한빛정밀", ko);
        Assert.Contains("Provider: Hanbit Precision", en);
        Assert.Equal(("Hanbit Precision", "스마트팩토리랩"), (agreement.GetProperty("provider").GetProperty("nameEn").GetString(), agreement.GetProperty("buyer").GetProperty("nameKo").GetString()));
        Assert.Equal("Smart Factory Lab", n.GetProperty("buyer").GetProperty("nameEn").GetString());
        Assert.Contains(reference.ToString("#,0", CultureInfo.InvariantCulture), ko);
        Assert.Contains("Republic of Korea", en);
        Assert.Contains(hash, en);

        // The SME buyer's voucher is reserved by Pricing from ContractFinalized.
        using var admin = await As("demo-admin");
        await Eventually.HoldsAsync(async () =>
        {
            var programmes = await admin.GetFromJsonAsync<JsonElement>("/api/pricing/vouchers?limit=100");
            return programmes.GetProperty("items").EnumerateArray().Any(p => p.GetProperty("reservedKrw").GetDecimal() > 0);
        }, TimeSpan.FromSeconds(20), "the voucher subsidy to be reserved");
    }

    [Fact]
    public async Task Prices_outside_the_band_get_422_with_the_band_and_a_baseline_republished_mid_negotiation_applies_to_new_offers()
    {
        using var buyer = await As("demo-buyer-a");
        using var provider = await As("demo-provider-x");
        using var admin = await As("demo-admin");
        var dataset = await NegotiationClient.PublishDatasetAsync(provider, "quality", "image-video");
        var band = await NegotiationClient.BandAsync(buyer, dataset);
        var (floor, ceiling, version) = (band.GetProperty("bandFloorKrw").GetDecimal(), band.GetProperty("bandCeilingKrw").GetDecimal(), band.GetProperty("baselineVersion").GetInt32());

        var below = await NegotiationClient.ExpectAsync(await NegotiationClient.RequestAsync(buyer, dataset, floor - 1), HttpStatusCode.UnprocessableEntity);
        Assert.Equal((floor, ceiling), (below.GetProperty("band").GetProperty("bandFloorKrw").GetDecimal(), below.GetProperty("band").GetProperty("bandCeilingKrw").GetDecimal()));
        Assert.True(below.GetProperty("errors").TryGetProperty("priceKrw", out _));
        await NegotiationClient.ExpectAsync(await NegotiationClient.RequestAsync(buyer, dataset, ceiling + 1), HttpStatusCode.UnprocessableEntity);
        var n = await NegotiationClient.OpenAsync(buyer, dataset, floor);
        var id = n.GetProperty("id").GetGuid();
        Assert.Equal(version, n.GetProperty("priceCheck").GetProperty("baselineVersion").GetInt32());

        // An administrator publishes a baseline of this category at twice the price: new offers are checked against it.
        var draft = await NegotiationClient.ExpectAsync(await admin.PostAsJsonAsync("/api/pricing/baselines", new
        {
            processStage = "quality", dataType = "image-video", basePrice = 10_000_000m, factors = await DemoFactorsAsync(admin),
        }), HttpStatusCode.Created);
        var published = await NegotiationClient.ExpectAsync(await admin.PostAsJsonAsync($"/api/pricing/baselines/{draft.GetProperty("id").GetGuid()}/publish", new { }), HttpStatusCode.OK);
        var newBand = await Eventually.GetAsync<JsonElement?>(async () =>
        {
            var b = await NegotiationClient.BandAsync(buyer, dataset);
            return b.GetProperty("baselineId").GetGuid() == draft.GetProperty("id").GetGuid() ? b : null;
        }, TimeSpan.FromSeconds(20), "the new baseline to reach Contracts");
        var (newFloor, newCeiling) = (newBand!.Value.GetProperty("bandFloorKrw").GetDecimal(), newBand.Value.GetProperty("bandCeilingKrw").GetDecimal());
        Assert.True(newFloor > floor);

        // The old price on the table is below the new floor: offering it again is refused, naming the new band.
        var refused = await NegotiationClient.ExpectAsync(await NegotiationClient.ActAsync(provider, id, "offer", new { }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(published.GetProperty("version").GetInt32(), refused.GetProperty("band").GetProperty("baselineVersion").GetInt32());
        Assert.Equal("REQUESTED", (await buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/negotiations/{id}")).GetProperty("state").GetString());

        await NegotiationClient.ActOkAsync(provider, id, "offer", new { priceKrw = newCeiling });
        await NegotiationClient.ActOkAsync(buyer, id, "accept");
        var agreed = await NegotiationClient.ActOkAsync(provider, id, "agree");
        var agreement = await buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/agreements/{agreed.GetProperty("agreementId").GetGuid()}");
        Assert.Equal(draft.GetProperty("id").GetGuid(), agreement.GetProperty("document").GetProperty("pricing").GetProperty("baselineId").GetGuid());
        Assert.Equal(newCeiling, agreement.GetProperty("priceKrw").GetDecimal());
        // The first round keeps the version it was checked against.
        Assert.Equal(version, agreed.GetProperty("rounds")[0].GetProperty("check").GetProperty("baselineVersion").GetInt32());
    }

    [Theory]
    [InlineData("OFFERED", "accept", "ACCEPTED")]
    [InlineData("ACCEPTED", "agree", "AGREED")]
    [InlineData("VERIFIED", "finalize", "FINALIZED")]
    public async Task Of_fifty_concurrent_actions_exactly_one_wins_and_the_others_get_409(string from, string action, string to)
    {
        using var buyer = await As("demo-buyer-a");
        using var provider = await As("demo-provider-x");
        var dataset = await NegotiationClient.PublishDatasetAsync(provider);
        var price = await NegotiationClient.ReferencePriceAsync(buyer, dataset);
        var n = await NegotiationClient.DriveAsync(buyer, provider, dataset, price, from);
        var id = n.GetProperty("id").GetGuid();
        var actor = action == "agree" ? provider : buyer;

        var answers = await Concurrently.SendAsync(50, () => NegotiationClient.ActAsync(actor, id, action));

        Assert.Equal(1, Concurrently.SucceededOrConflicted(answers));
        var after = await buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/negotiations/{id}");
        Assert.Equal((to, n.GetProperty("revision").GetInt32() + 1), (after.GetProperty("state").GetString(), after.GetProperty("revision").GetInt32()));
        Assert.Single(after.GetProperty("history").EnumerateArray(), h => h.GetProperty("action").GetString() == action);
    }

    [Fact]
    public async Task The_provider_reads_the_agreement_draft_before_signing_and_signs_exactly_what_it_read()
    {
        using var buyer = await As("demo-buyer-a");
        using var provider = await As("demo-provider-x");
        using var stranger = await As("demo-buyer-b");
        var dataset = await NegotiationClient.PublishDatasetAsync(provider);
        var price = await NegotiationClient.ReferencePriceAsync(buyer, dataset);
        var accepted = await NegotiationClient.DriveAsync(buyer, provider, dataset, price, "ACCEPTED");
        var id = accepted.GetProperty("id").GetGuid();
        var path = $"/api/contracts/negotiations/{id}/agreement-draft";

        // Both parties read the same draft; its text names its hash and reads in either language.
        var ko = await NegotiationClient.ExpectAsync(await provider.GetAsync(path), HttpStatusCode.OK);
        var en = await NegotiationClient.ExpectAsync(await buyer.GetAsync(path + "?lang=en"), HttpStatusCode.OK);
        var hash = ko.GetProperty("hash").GetString()!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ko.GetProperty("canonicalDocument").GetString()!))), hash);
        Assert.Equal((hash, ko.GetProperty("agreementId").GetGuid()), (en.GetProperty("hash").GetString(), en.GetProperty("agreementId").GetGuid()));
        Assert.Contains("데이터 제공 계약서", ko.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains($"`{hash}`", en.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(ko.GetProperty("agreementId").GetGuid(), ko.GetProperty("document").GetProperty("agreementId").GetGuid());
        await NegotiationClient.ExpectAsync(await stranger.GetAsync(path), HttpStatusCode.NotFound);
        var badLanguage = await NegotiationClient.ExpectAsync(await provider.GetAsync(path + "?lang=fr"), HttpStatusCode.BadRequest);
        Assert.True(badLanguage.GetProperty("errors").TryGetProperty("lang", out _));

        // A hash the provider did not read (the draft changed since): 409 with the current one, nothing signed.
        var stale = await NegotiationClient.ExpectAsync(await NegotiationClient.ActAsync(provider, id, "agree", new { agreementHash = new string('0', 64) }), HttpStatusCode.Conflict);
        Assert.Equal(hash, stale.GetProperty("agreementHash").GetString());
        var blank = await NegotiationClient.ExpectAsync(await NegotiationClient.ActAsync(provider, id, "agree", new { agreementHash = " " }), HttpStatusCode.BadRequest);
        Assert.True(blank.GetProperty("errors").TryGetProperty("agreementHash", out _));
        Assert.Equal("ACCEPTED", (await buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/negotiations/{id}")).GetProperty("state").GetString());

        // Agreeing with the hash read signs that very document; after it, the draft is the agreement.
        var agreed = await NegotiationClient.ActOkAsync(provider, id, "agree", new { agreementHash = hash });
        Assert.Equal((hash, ko.GetProperty("agreementId").GetGuid()), (agreed.GetProperty("agreementHash").GetString(), agreed.GetProperty("agreementId").GetGuid()));
        var agreement = await buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/agreements/{agreed.GetProperty("agreementId").GetGuid()}");
        Assert.Equal(ko.GetProperty("canonicalDocument").GetString(), agreement.GetProperty("canonicalDocument").GetString());
        Assert.Equal(ko.GetProperty("text").GetString(), await provider.GetStringAsync($"/api/contracts/agreements/{agreed.GetProperty("agreementId").GetGuid()}/text?lang=ko"));
        var after = await NegotiationClient.ExpectAsync(await provider.GetAsync(path), HttpStatusCode.Conflict);
        Assert.Equal("AGREED", after.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Withdrawing_a_listing_terminates_its_open_negotiations_and_takes_no_new_ones()
    {
        using var buyer = await As("demo-buyer-a");
        using var provider = await As("demo-provider-x");
        var dataset = await NegotiationClient.PublishDatasetAsync(provider);
        var price = await NegotiationClient.ReferencePriceAsync(buyer, dataset);
        var open = await NegotiationClient.DriveAsync(buyer, provider, dataset, price, "AGREED");
        var finalized = await NegotiationClient.DriveAsync(buyer, provider, dataset, price, "FINALIZED");

        await NegotiationClient.ExpectAsync(await provider.PostAsync($"/api/catalog/datasets/{dataset}/withdraw", null), HttpStatusCode.OK);

        var ended = await Eventually.GetAsync<JsonElement?>(async () =>
        {
            var n = await buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/negotiations/{open.GetProperty("id").GetGuid()}");
            return n.GetProperty("state").GetString() == "TERMINATED" ? n : null;
        }, TimeSpan.FromSeconds(20), "the open negotiation to end");
        Assert.Equal("dataset-withdrawn", ended!.Value.GetProperty("terminationReason").GetString());
        Assert.Equal("platform", ended.Value.GetProperty("history").EnumerateArray().Last().GetProperty("by").GetString());
        var draft = await buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/agreements/{open.GetProperty("agreementId").GetGuid()}");
        Assert.Equal("TERMINATED", draft.GetProperty("status").GetString());
        Assert.Equal("FINALIZED", (await buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/negotiations/{finalized.GetProperty("id").GetGuid()}")).GetProperty("state").GetString());
        await NegotiationClient.ExpectAsync(await NegotiationClient.RequestAsync(buyer, dataset, price), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Buyer_b_cannot_see_or_act_on_buyer_a_negotiations_or_agreements()
    {
        using var buyerA = await As("demo-buyer-a");
        using var buyerB = await As("demo-buyer-b");
        using var provider = await As("demo-provider-x");
        var dataset = await NegotiationClient.PublishDatasetAsync(provider);
        var price = await NegotiationClient.ReferencePriceAsync(buyerA, dataset);
        var n = await NegotiationClient.DriveAsync(buyerA, provider, dataset, price, "FINALIZED");
        var (id, agreement) = (n.GetProperty("id").GetGuid(), n.GetProperty("agreementId").GetGuid());

        Assert.Equal(HttpStatusCode.NotFound, (await buyerB.GetAsync($"/api/contracts/negotiations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await NegotiationClient.ActAsync(buyerB, id, "terminate", new { reason = "other" })).StatusCode);
        // Not found is one answer everywhere: a problem naming what was not found (and never whether it exists).
        var hidden = await buyerB.GetAsync($"/api/contracts/agreements/{agreement}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("application/problem+json", hidden.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"Agreement '{agreement}' was not found.", (await hidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await buyerB.GetAsync($"/api/contracts/agreements/{agreement}/odrl")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buyerB.PostAsync($"/api/contracts/agreements/{agreement}/grants", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buyerB.PostAsJsonAsync($"/api/contracts/agreements/{agreement}/terminate", new { reason = "other" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buyerB.PostAsJsonAsync($"/api/contracts/agreements/{agreement}/renew", new { })).StatusCode);
        var listB = await buyerB.GetFromJsonAsync<JsonElement>("/api/contracts/negotiations?limit=100");
        Assert.DoesNotContain(listB.GetProperty("items").EnumerateArray(), x => x.GetProperty("id").GetGuid() == id);
        var listA = await buyerA.GetFromJsonAsync<JsonElement>("/api/contracts/negotiations?state=finalized&limit=100");
        Assert.Contains(listA.GetProperty("items").EnumerateArray(), x => x.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Lists_page_by_cursor_with_every_item_once_and_a_cursor_only_for_its_own_query()
    {
        using var buyer = await As("demo-buyer-a");
        using var provider = await As("demo-provider-x");
        var dataset = await NegotiationClient.PublishDatasetAsync(provider);
        var price = await NegotiationClient.ReferencePriceAsync(buyer, dataset);
        var mine = new HashSet<Guid>();
        for (var i = 0; i < 3; i++)
        {
            mine.Add((await NegotiationClient.OpenAsync(buyer, dataset, price)).GetProperty("id").GetGuid());
        }

        // Newest first, two at a time: negotiations others open meanwhile come before the cursor and never push ours off.
        var seen = new List<Guid>();
        string? cursor = null;
        string? firstCursor = null;
        do
        {
            var page = await buyer.GetFromJsonAsync<JsonElement>("/api/contracts/negotiations?state=requested&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.True(page.GetProperty("items").GetArrayLength() <= 2);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
            firstCursor ??= cursor;
        }
        while (cursor is not null && !mine.IsSubsetOf(seen));

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), mine);
        var otherQuery = await buyer.GetAsync($"/api/contracts/negotiations?state=finalized&limit=2&cursor={firstCursor}");
        Assert.Equal("cursor", (await NegotiationClient.ExpectAsync(otherQuery, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Single().Name);
        var tooMany = await buyer.GetAsync("/api/contracts/negotiations?limit=101");
        Assert.Equal("limit", (await NegotiationClient.ExpectAsync(tooMany, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Single().Name);
    }

    [Fact]
    public async Task A_restricted_listing_is_negotiated_only_by_the_organisations_it_names()
    {
        using var buyerA = await As("demo-buyer-a");
        using var buyerB = await As("demo-buyer-b");
        using var provider = await As("demo-provider-x");
        var dataset = await NegotiationClient.PublishDatasetAsync(provider, visibleTo: [DemoOrganisations.BuyerA]);
        var price = await NegotiationClient.ReferencePriceAsync(buyerA, dataset);

        await NegotiationClient.OpenAsync(buyerA, dataset, price);
        var problem = await NegotiationClient.ExpectAsync(await NegotiationClient.RequestAsync(buyerB, dataset, price), HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", (await NegotiationClient.RequestAsync(buyerB, dataset, price)).Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await buyerB.GetAsync($"/api/contracts/datasets/{dataset}")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_gets_400_or_422_naming_the_field_and_never_500()
    {
        using var buyer = await As("demo-buyer-a");
        using var provider = await As("demo-provider-x");
        var dataset = await NegotiationClient.PublishDatasetAsync(provider, exclusivity: false);
        var price = await NegotiationClient.ReferencePriceAsync(buyer, dataset);

        async Task Expect(HttpStatusCode status, string field, object body)
        {
            var problem = await NegotiationClient.ExpectAsync(await buyer.PostAsJsonAsync("/api/contracts/negotiations", body), status);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field} not named: {problem}");
        }

        await Expect(HttpStatusCode.BadRequest, "datasetId", new { terms = NegotiationClient.Terms(), priceKrw = price });
        await Expect(HttpStatusCode.BadRequest, "priceKrw", new { datasetId = dataset, terms = NegotiationClient.Terms(), priceKrw = -5 });
        await Expect(HttpStatusCode.BadRequest, "priceKrw", new { datasetId = dataset, terms = NegotiationClient.Terms(), priceKrw = 1000.5m });
        await Expect(HttpStatusCode.BadRequest, "terms.purposes", new { datasetId = dataset, terms = NegotiationClient.Terms("gambling"), priceKrw = price });
        await Expect(HttpStatusCode.BadRequest, "terms.durationMonths", new { datasetId = dataset, terms = new { purposes = new[] { "research" } }, priceKrw = price });
        await Expect(HttpStatusCode.BadRequest, "terms.territory", new { datasetId = dataset, terms = new { purposes = new[] { "research" }, durationMonths = 12, territory = new[] { "Korea" } }, priceKrw = price });
        await Expect(HttpStatusCode.BadRequest, "terms.startDate", new { datasetId = dataset, terms = new { purposes = new[] { "research" }, durationMonths = 12, startDate = "2020-01-01" }, priceKrw = price });
        await Expect(HttpStatusCode.BadRequest, "terms.redistribution", new { datasetId = dataset, terms = new { purposes = new[] { "research" }, durationMonths = 12, redistribution = "always" }, priceKrw = price });
        await Expect(HttpStatusCode.UnprocessableEntity, "terms.purposes", new { datasetId = dataset, terms = NegotiationClient.Terms("internal-operations"), priceKrw = price });
        await Expect(HttpStatusCode.UnprocessableEntity, "terms.durationMonths", new { datasetId = dataset, terms = NegotiationClient.Terms(months: 48), priceKrw = price });
        await Expect(HttpStatusCode.UnprocessableEntity, "terms.exclusive", new { datasetId = dataset, terms = NegotiationClient.Terms(exclusive: true), priceKrw = price });
        using var ownDataset = await As("demo-provider-x");
        await NegotiationClient.ExpectAsync(await buyer.PostAsync("/api/contracts/negotiations", new StringContent("{not json", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await NegotiationClient.ExpectAsync(await buyer.PostAsJsonAsync("/api/contracts/negotiations", new { datasetId = Guid.NewGuid(), terms = NegotiationClient.Terms(), priceKrw = price }), HttpStatusCode.NotFound);
        // A provider is no buyer: requesting needs the buyer role.
        await NegotiationClient.ExpectAsync(await NegotiationClient.RequestAsync(ownDataset, dataset, price), HttpStatusCode.Forbidden);

        var n = await NegotiationClient.DriveAsync(buyer, provider, dataset, price, "AGREED");
        var wrongHash = await NegotiationClient.ExpectAsync(await NegotiationClient.ActAsync(buyer, n.GetProperty("id").GetGuid(), "verify", new { agreementHash = new string('0', 64) }), HttpStatusCode.Conflict);
        Assert.Equal(64, wrongHash.GetProperty("agreementHash").GetString()!.Length);
        await NegotiationClient.ExpectAsync(await NegotiationClient.ActAsync(buyer, n.GetProperty("id").GetGuid(), "verify", new { }), HttpStatusCode.BadRequest);
        await NegotiationClient.ExpectAsync(await NegotiationClient.ActAsync(buyer, n.GetProperty("id").GetGuid(), "terminate", new { reason = "expired" }), HttpStatusCode.BadRequest);
        await NegotiationClient.ExpectAsync(await buyer.GetAsync("/api/contracts/negotiations?state=dreaming"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Terminating_an_agreement_revokes_its_grants_and_a_renewal_starts_a_negotiation_pre_filled_from_it()
    {
        using var buyer = await As("demo-buyer-a");
        using var provider = await As("demo-provider-x");
        var dataset = await NegotiationClient.PublishDatasetAsync(provider);
        var terms = new { purposes = new[] { "research", "ai-training" }, durationMonths = 6, securityMeasures = new[] { "encryption-at-rest" } };
        var price = await NegotiationClient.ReferencePriceAsync(buyer, dataset, terms);
        var n = await NegotiationClient.OpenAsync(buyer, dataset, price, terms);
        Assert.Equal("ai-training", n.GetProperty("priceCheck").GetProperty("pricingPurpose").GetString());
        var id = n.GetProperty("id").GetGuid();
        await NegotiationClient.ActOkAsync(provider, id, "offer");
        await NegotiationClient.ActOkAsync(buyer, id, "accept");
        n = await NegotiationClient.VerifyAsync(buyer, await NegotiationClient.ActOkAsync(provider, id, "agree"));
        n = await NegotiationClient.ActOkAsync(buyer, id, "finalize");
        var agreement = n.GetProperty("agreementId").GetGuid();
        var since = DateTime.UtcNow.AddSeconds(-1);

        // Renewal: a new negotiation with the same terms, starting when this agreement ends.
        var renewal = await NegotiationClient.ExpectAsync(await buyer.PostAsJsonAsync($"/api/contracts/agreements/{agreement}/renew", new { }), HttpStatusCode.Created);
        var old = await buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/agreements/{agreement}");
        Assert.Equal(("REQUESTED", agreement), (renewal.GetProperty("state").GetString(), renewal.GetProperty("renewalOf").GetGuid()));
        Assert.Equal(old.GetProperty("terms").GetProperty("securityMeasures").ToString(), renewal.GetProperty("terms").GetProperty("securityMeasures").ToString());
        Assert.Equal(DateOnly.FromDateTime(old.GetProperty("endsAt").GetDateTime()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), renewal.GetProperty("terms").GetProperty("startDate").GetString());

        var issued = (await NegotiationClient.ExpectAsync(await buyer.PostAsync($"/api/contracts/agreements/{agreement}/grants", null), HttpStatusCode.Created))
            .GetProperty("grant").GetString();
        var ended = await NegotiationClient.ExpectAsync(await provider.PostAsJsonAsync($"/api/contracts/agreements/{agreement}/terminate", new { reason = "breach-of-terms" }), HttpStatusCode.OK);
        Assert.Equal(("TERMINATED", "provider"), (ended.GetProperty("status").GetString(), ended.GetProperty("terminatedBy").GetString()));

        var revocations = await provider.GetFromJsonAsync<JsonElement>($"/api/contracts/revocations?since={since:O}");
        var revoked = Assert.Single(revocations.GetProperty("revoked").EnumerateArray(), r => r.GetProperty("agreementId").GetGuid() == agreement);
        Assert.Equal("breach-of-terms", revoked.GetProperty("reason").GetString());
        // A grant issued before the termination is still signed and unexpired: the provider refuses it from the list it polled.
        using var anonymous = market.Host.CreateClient();
        var verifier = new ProviderDataEndpoint.GrantVerifier(await anonymous.GetStringAsync("/api/contracts/jwks"), DemoOrganisations.ProviderX);
        Assert.Null(await verifier.RefuseAsync(issued, dataset));
        verifier.UpdateRevocations(revocations.GetProperty("revoked").EnumerateArray().Select(r => r.GetProperty("agreementId").GetString()!));
        Assert.Equal("the agreement was terminated", await verifier.RefuseAsync(issued, dataset));
        await NegotiationClient.ExpectAsync(await buyer.PostAsync($"/api/contracts/agreements/{agreement}/grants", null), HttpStatusCode.Conflict);
        await NegotiationClient.ExpectAsync(await buyer.PostAsJsonAsync($"/api/contracts/agreements/{agreement}/terminate", new { reason = "other" }), HttpStatusCode.Conflict);
        using var other = await As("demo-provider-y");
        var none = await other.GetFromJsonAsync<JsonElement>("/api/contracts/revocations");
        Assert.DoesNotContain(none.GetProperty("revoked").EnumerateArray(), r => r.GetProperty("agreementId").GetGuid() == agreement);
    }

    private static object Body(string action) => action switch
    {
        "terminate" => new { reason = "commercial-disagreement" },
        "verify" => new { agreementHash = new string('0', 64) },
        _ => new { },
    };

    private static async Task<object> DemoFactorsAsync(HttpClient admin)
    {
        var baselines = await admin.GetFromJsonAsync<JsonElement>("/api/pricing/baselines");
        return baselines.GetProperty("items").EnumerateArray().First().GetProperty("factors");
    }

    private static TokenValidationParameters Parameters(JsonWebKeySet jwks, string? audience) => new()
    {
        ValidIssuer = "urn:marketplace:contracts",
        ValidateAudience = audience is not null,
        // A receipt is proof of what was signed, for good: it has no expiry. A grant has one.
        ValidateLifetime = audience is not null,
        ValidAudience = audience,
        IssuerSigningKeys = jwks.GetSigningKeys(),
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
    };

    private static async Task<TokenValidationResult> ValidateAsync(string token, JsonWebKeySet jwks, string? audience)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Parameters(jwks, audience));
        Assert.True(result.IsValid, result.Exception?.ToString());
        return result;
    }
}

public sealed class ContractsApiOnSqlite(AllInOneMarketplace market) : ContractsApiTests(market), IClassFixture<AllInOneMarketplace>
{
    [Theory]
    [MemberData(nameof(DspProviderTck.Names), MemberType = typeof(DspProviderTck))]
    public Task DSP_TCK_provider_case(string tckCase) => PlayTckCaseAsync(tckCase);
}

public sealed class ContractsApiOnPostgres(PostgresAllInOneMarketplace market) : ContractsApiTests(market), IClassFixture<PostgresAllInOneMarketplace>;
