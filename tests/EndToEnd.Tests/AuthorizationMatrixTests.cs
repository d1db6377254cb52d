using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// Every endpoint of the published API documents × every kind of caller → the expected status. The
/// endpoint list comes from the running marketplace, so an endpoint added without a row here fails.
/// </summary>
[Collection(SharedMarketplace.Name)]
public sealed class AuthorizationMatrixTests(AllInOneMarketplace fixture)
{
    private static readonly string[] Callers =
        ["anonymous", "demo-buyer-a", "demo-buyer-b", "demo-provider-x", "demo-provider-y", "demo-admin", "unverified-buyer", "unverified-provider"];

    /// <summary>Expected status per caller, in the order of <see cref="Callers"/>.</summary>
    private static readonly Dictionary<string, int[]> Expected = new()
    {
        ["GET /api/catalog/taxonomy"] = [200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/catalog/datasets"] = [200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/catalog/datasets/mine"] = [401, 403, 403, 200, 200, 403, 403, 200],
        ["POST /api/catalog/datasets"] = [401, 403, 403, 201, 201, 403, 403, 201],
        // A draft of provider X: visible to X and administrators; others get 404, not 403, so drafts cannot be probed.
        ["GET /api/catalog/datasets/{id}"] = [404, 404, 404, 200, 404, 200, 404, 404],
        ["PUT /api/catalog/datasets/{id}"] = [401, 403, 403, 200, 404, 403, 403, 404],
        ["PATCH /api/catalog/datasets/{id}"] = [401, 403, 403, 200, 404, 403, 403, 404],
        ["POST /api/catalog/datasets/{id}/publish"] = [401, 403, 403, 200, 404, 403, 403, 403],
        // From here on: a published dataset of provider X (suspended for reinstate).
        ["POST /api/catalog/datasets/{id}/withdraw"] = [401, 403, 403, 200, 404, 403, 403, 404],
        ["POST /api/catalog/datasets/{id}/suspend"] = [401, 403, 403, 403, 403, 200, 403, 403],
        ["POST /api/catalog/datasets/{id}/reinstate"] = [401, 403, 403, 403, 403, 200, 403, 403],
        ["GET /api/catalog/datasets/{id}/versions"] = [200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/catalog/datasets/{id}/versions/{version}"] = [200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/catalog/datasets/{id}/dcat"] = [200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/catalog/dcat"] = [200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/contracts/datasets/{id}"] = [401, 404, 404, 404, 404, 404, 404, 404],
        // Contracts: a dataset of provider X; negotiations between buyer A and provider X, each in the state
        // its action needs. Buyer B and provider Y are strangers to them (404); administrators may read, not act.
        // Standard offers of provider X on its public dataset.
        ["POST /api/contracts/datasets/{id}/standard-offers"] = [401, 403, 403, 201, 404, 403, 403, 403],
        ["GET /api/contracts/datasets/{id}/standard-offers"] = [401, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/contracts/standard-offers/{id}"] = [401, 200, 200, 200, 200, 200, 200, 200],
        ["POST /api/contracts/standard-offers/{id}/withdraw"] = [401, 403, 403, 200, 404, 403, 403, 403],
        ["POST /api/contracts/standard-offers/{id}/request"] = [401, 201, 201, 403, 403, 403, 403, 403],
        ["POST /api/contracts/negotiations"] = [401, 201, 201, 403, 403, 403, 403, 403],
        ["GET /api/contracts/negotiations"] = [401, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/contracts/negotiations/{id}"] = [401, 200, 404, 200, 404, 200, 404, 404],
        ["GET /api/contracts/negotiations/{id}/agreement-draft"] = [401, 200, 404, 200, 404, 200, 404, 404],
        ["POST /api/contracts/negotiations/{id}/offer"] = [401, 409, 404, 200, 404, 403, 403, 403],
        ["POST /api/contracts/negotiations/{id}/counter"] = [401, 200, 404, 409, 404, 403, 403, 403],
        ["POST /api/contracts/negotiations/{id}/accept"] = [401, 200, 404, 409, 404, 403, 403, 403],
        ["POST /api/contracts/negotiations/{id}/agree"] = [401, 409, 404, 200, 404, 403, 403, 403],
        ["POST /api/contracts/negotiations/{id}/verify"] = [401, 200, 404, 409, 404, 403, 403, 403],
        ["POST /api/contracts/negotiations/{id}/finalize"] = [401, 200, 404, 200, 404, 403, 403, 403],
        ["POST /api/contracts/negotiations/{id}/terminate"] = [401, 200, 404, 200, 404, 403, 403, 403],
        // A finalized agreement between buyer A and provider X.
        ["GET /api/contracts/agreements/{id}"] = [401, 200, 404, 200, 404, 200, 404, 404],
        ["GET /api/contracts/agreements/{id}/odrl"] = [401, 200, 404, 200, 404, 200, 404, 404],
        ["GET /api/contracts/agreements/{id}/text"] = [401, 200, 404, 200, 404, 200, 404, 404],
        ["POST /api/contracts/agreements/{id}/grants"] = [401, 201, 404, 403, 403, 403, 403, 403],
        ["GET /api/contracts/agreements/{id}/grants/{grantId}"] = [401, 200, 404, 200, 404, 200, 404, 404],
        ["POST /api/contracts/agreements/{id}/terminate"] = [401, 200, 404, 200, 404, 403, 403, 403],
        ["POST /api/contracts/agreements/{id}/renew"] = [401, 201, 404, 403, 403, 403, 403, 403],
        ["GET /api/contracts/revocations"] = [401, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/contracts/jwks"] = [200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/contracts/terms-vocabulary"] = [200, 200, 200, 200, 200, 200, 200, 200],
        // Pricing: administrators write baselines (a fresh draft of the default category) and vouchers.
        ["POST /api/pricing/baselines"] = [401, 403, 403, 403, 403, 201, 403, 403],
        ["PUT /api/pricing/baselines/{id}"] = [401, 403, 403, 403, 403, 200, 403, 403],
        ["POST /api/pricing/baselines/{id}/preview"] = [401, 403, 403, 403, 403, 200, 403, 403],
        ["POST /api/pricing/baselines/{id}/publish"] = [401, 403, 403, 403, 403, 200, 403, 403],
        ["GET /api/pricing/baselines"] = [401, 200, 200, 200, 200, 200, 200, 200],
        // A published baseline (drafts are 404 to everyone but administrators).
        ["GET /api/pricing/baselines/{id}"] = [401, 200, 200, 200, 200, 200, 200, 200],
        // A public dataset of provider X.
        ["POST /api/pricing/quotes"] = [401, 200, 200, 200, 200, 200, 200, 200],
        ["POST /api/pricing/vouchers"] = [401, 403, 403, 403, 403, 201, 403, 403],
        ["GET /api/pricing/vouchers"] = [401, 403, 403, 403, 403, 200, 403, 403],
        ["GET /api/pricing/vouchers/{id}"] = [401, 403, 403, 403, 403, 200, 403, 403],
        ["GET /api/pricing/statistics"] = [401, 200, 200, 200, 200, 200, 200, 200],
        ["POST /api/identity/organisations"] = [201, 201, 201, 201, 201, 201, 201, 201],
        // Buyer A's organisation.
        ["GET /api/identity/organisations"] = [401, 403, 403, 403, 403, 200, 403, 403],
        ["GET /api/identity/organisations/{id}"] = [401, 200, 404, 404, 404, 200, 404, 404],
        // A fresh, pending organisation.
        ["POST /api/identity/organisations/{id}/verify"] = [401, 403, 403, 403, 403, 200, 403, 403],
        ["POST /api/identity/organisations/{id}/reject"] = [401, 403, 403, 403, 403, 200, 403, 403],
        // A verified organisation (suspend), a suspended one (reinstate).
        ["POST /api/identity/organisations/{id}/suspend"] = [401, 403, 403, 403, 403, 200, 403, 403],
        ["POST /api/identity/organisations/{id}/reinstate"] = [401, 403, 403, 403, 403, 200, 403, 403],
        ["POST /api/identity/organisations/{id}/clients"] = [401, 201, 404, 404, 404, 404, 404, 404],
        ["GET /api/identity/organisations/{id}/clients"] = [401, 200, 404, 404, 404, 404, 404, 404],
        ["GET /api/identity/organisations/{id}/clients/{clientId}"] = [401, 200, 404, 404, 404, 404, 404, 404],
        ["GET /api/identity/organisations/{id}/invitations/{invitationId}"] = [401, 200, 404, 404, 404, 404, 404, 404],
        ["DELETE /api/identity/organisations/{id}/clients/{clientId}"] = [401, 204, 404, 404, 404, 404, 404, 404],
        ["POST /api/identity/organisations/{id}/invitations"] = [401, 201, 404, 404, 404, 404, 404, 404],
        ["GET /api/identity/organisations/{id}/people"] = [401, 200, 404, 404, 404, 404, 404, 404],
        // A person of buyer A's organisation, freshly invited and accepted.
        ["DELETE /api/identity/organisations/{id}/people/{personId}"] = [401, 204, 404, 404, 404, 404, 404, 404],
    };

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_the_matrix_says()
    {
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = fixture.Host.CreateClient() };
        foreach (var caller in Callers.Skip(1).Where(c => c.StartsWith("demo-", StringComparison.Ordinal)))
        {
            clients[caller] = await Tokens.DemoAsync(fixture.Host.BaseAddress!, caller);
        }

        // Just registered, not yet verified by an administrator: they browse and quote, but do not trade.
        foreach (var role in new[] { "buyer", "provider" })
        {
            var registered = await Organisations.RegisterAsync(clients["anonymous"], role, verifyingAdmin: null);
            clients[$"unverified-{role}"] = await Tokens.SignedInAsync(fixture.Host.BaseAddress!, registered.ClientId, registered.ClientSecret);
        }

        var endpoints = await PublishedEndpointsAsync(clients["anonymous"]);
        Assert.Empty(endpoints.Except(Expected.Keys));
        Assert.Empty(Expected.Keys.Except(endpoints));

        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            for (var i = 0; i < Callers.Length; i++)
            {
                using var request = await RequestForAsync(endpoint, clients);
                var actual = (int)(await clients[Callers[i]].SendAsync(request)).StatusCode;
                if (actual != Expected[endpoint][i])
                {
                    failures.Add($"{endpoint} as {Callers[i]}: expected {Expected[endpoint][i]}, got {actual}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    private static async Task<List<string>> PublishedEndpointsAsync(HttpClient client)
    {
        var endpoints = new List<string>();
        foreach (var module in MicroservicesCluster.ServiceTargets)
        {
            var document = await client.GetFromJsonAsync<JsonElement>($"/openapi/{module}.json");
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                endpoints.AddRange(path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"));
            }
        }

        return endpoints;
    }

    /// <summary>A fresh target for each call, so one caller's success never changes what the next one sees.</summary>
    private static async Task<HttpRequestMessage> RequestForAsync(string endpoint, Dictionary<string, HttpClient> clients)
    {
        var providerX = clients["demo-provider-x"];
        var buyerA = clients["demo-buyer-a"];
        var buyerAOrganisation = OrganisationOf(buyerA);
        switch (endpoint)
        {
            case "GET /api/catalog/taxonomy":
            case "GET /api/catalog/datasets":
            case "GET /api/catalog/datasets/mine":
            case "GET /api/catalog/dcat":
                return new(HttpMethod.Get, endpoint.Split(' ')[1]);
            case "POST /api/catalog/datasets":
                return Json(HttpMethod.Post, "/api/catalog/datasets", new { titleEn = "Matrix" });
            case "GET /api/catalog/datasets/{id}":
                return new(HttpMethod.Get, $"/api/catalog/datasets/{(await DatasetClient.CreateDraftAsync(providerX)).Id}");
            case "PUT /api/catalog/datasets/{id}":
                return Json(HttpMethod.Put, $"/api/catalog/datasets/{(await DatasetClient.CreateDraftAsync(providerX)).Id}", DatasetClient.CompleteDocument("Matrix edited"));
            case "PATCH /api/catalog/datasets/{id}":
                return new(HttpMethod.Patch, $"/api/catalog/datasets/{(await DatasetClient.CreateDraftAsync(providerX)).Id}")
                {
                    Content = new StringContent("""{"titleEn":"Matrix patched"}""", System.Text.Encoding.UTF8, "application/merge-patch+json"),
                };
            case "POST /api/catalog/datasets/{id}/publish":
                return new(HttpMethod.Post, $"/api/catalog/datasets/{(await DatasetClient.CreateDraftAsync(providerX)).Id}/publish");
            case "POST /api/catalog/datasets/{id}/withdraw":
                return new(HttpMethod.Post, $"/api/catalog/datasets/{await PublishedOfXAsync(providerX)}/withdraw");
            case "POST /api/catalog/datasets/{id}/suspend":
                return Json(HttpMethod.Post, $"/api/catalog/datasets/{await PublishedOfXAsync(providerX)}/suspend", new { reason = "matrix" });
            case "POST /api/catalog/datasets/{id}/reinstate":
                var suspended = await PublishedOfXAsync(providerX);
                (await clients["demo-admin"].PostAsJsonAsync($"/api/catalog/datasets/{suspended}/suspend", new { reason = "matrix" })).EnsureSuccessStatusCode();
                return new(HttpMethod.Post, $"/api/catalog/datasets/{suspended}/reinstate");
            case "GET /api/catalog/datasets/{id}/versions":
                return new(HttpMethod.Get, $"/api/catalog/datasets/{await PublishedOfXAsync(providerX)}/versions");
            case "GET /api/catalog/datasets/{id}/versions/{version}":
                return new(HttpMethod.Get, $"/api/catalog/datasets/{await PublishedOfXAsync(providerX)}/versions/1");
            case "GET /api/catalog/datasets/{id}/dcat":
                return new(HttpMethod.Get, $"/api/catalog/datasets/{await PublishedOfXAsync(providerX)}/dcat");
            case "GET /api/contracts/datasets/{id}":
                return new(HttpMethod.Get, $"/api/contracts/datasets/{Guid.NewGuid()}");
            case "POST /api/contracts/datasets/{id}/standard-offers":
                var (offered, offerPrice) = await NegotiableAsync(providerX, buyerA);
                await WithdrawStandardOffersAsync(providerX, offered);
                return Json(HttpMethod.Post, $"/api/contracts/datasets/{offered}/standard-offers", new { terms = NegotiationClient.Terms(), priceKrw = offerPrice });
            case "GET /api/contracts/datasets/{id}/standard-offers":
                return new(HttpMethod.Get, $"/api/contracts/datasets/{(await NegotiableAsync(providerX, buyerA)).Dataset}/standard-offers");
            case "GET /api/contracts/standard-offers/{id}":
                return new(HttpMethod.Get, $"/api/contracts/standard-offers/{await StandardOfferAsync(providerX, buyerA)}");
            case "POST /api/contracts/standard-offers/{id}/withdraw":
            case "POST /api/contracts/standard-offers/{id}/request":
                return Json(HttpMethod.Post, $"/api/contracts/standard-offers/{await StandardOfferAsync(providerX, buyerA)}/{endpoint.Split('/')[^1]}", new { });
            case "POST /api/contracts/negotiations":
                var (dataset, price) = await NegotiableAsync(providerX, buyerA);
                return Json(HttpMethod.Post, "/api/contracts/negotiations", new { datasetId = dataset, terms = NegotiationClient.Terms(), priceKrw = price });
            case "GET /api/contracts/negotiations":
            case "GET /api/contracts/revocations":
            case "GET /api/contracts/jwks":
            case "GET /api/contracts/terms-vocabulary":
                return new(HttpMethod.Get, endpoint.Split(' ')[1]);
            case "GET /api/contracts/negotiations/{id}":
                return new(HttpMethod.Get, $"/api/contracts/negotiations/{(await NegotiationAsync(providerX, buyerA, "REQUESTED")).GetProperty("id")}");
            case "GET /api/contracts/negotiations/{id}/agreement-draft":
                return new(HttpMethod.Get, $"/api/contracts/negotiations/{(await NegotiationAsync(providerX, buyerA, "ACCEPTED")).GetProperty("id")}/agreement-draft");
            case "POST /api/contracts/negotiations/{id}/offer":
            case "POST /api/contracts/negotiations/{id}/counter":
            case "POST /api/contracts/negotiations/{id}/accept":
            case "POST /api/contracts/negotiations/{id}/agree":
            case "POST /api/contracts/negotiations/{id}/finalize":
            case "POST /api/contracts/negotiations/{id}/terminate":
                var action = endpoint.Split('/')[^1];
                var state = action switch
                {
                    "offer" or "terminate" => "REQUESTED",
                    "counter" or "accept" => "OFFERED",
                    "agree" => "ACCEPTED",
                    _ => "VERIFIED",
                };
                var negotiation = await NegotiationAsync(providerX, buyerA, state);
                return Json(HttpMethod.Post, $"/api/contracts/negotiations/{negotiation.GetProperty("id")}/{action}", new { reason = "commercial-disagreement" });
            case "POST /api/contracts/negotiations/{id}/verify":
                var agreed = await NegotiationAsync(providerX, buyerA, "AGREED");
                var draft = await buyerA.GetFromJsonAsync<JsonElement>($"/api/contracts/agreements/{agreed.GetProperty("agreementId")}");
                return Json(HttpMethod.Post, $"/api/contracts/negotiations/{agreed.GetProperty("id")}/verify", new { agreementHash = draft.GetProperty("hash").GetString() });
            case "GET /api/contracts/agreements/{id}":
            case "GET /api/contracts/agreements/{id}/odrl":
            case "GET /api/contracts/agreements/{id}/text":
                var finalized = await NegotiationAsync(providerX, buyerA, "FINALIZED");
                return new(HttpMethod.Get, endpoint.Split(' ')[1].Replace("{id}", finalized.GetProperty("agreementId").ToString()));
            case "GET /api/contracts/agreements/{id}/grants/{grantId}":
                var granted = (await NegotiationAsync(providerX, buyerA, "FINALIZED")).GetProperty("agreementId");
                var issued = await buyerA.PostAsync($"/api/contracts/agreements/{granted}/grants", null);
                Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
                return new(HttpMethod.Get, issued.Headers.Location!.OriginalString);
            case "POST /api/contracts/agreements/{id}/grants":
            case "POST /api/contracts/agreements/{id}/terminate":
            case "POST /api/contracts/agreements/{id}/renew":
                var agreement = (await NegotiationAsync(providerX, buyerA, "FINALIZED")).GetProperty("agreementId");
                return Json(HttpMethod.Post, endpoint.Split(' ')[1].Replace("{id}", agreement.ToString()), new { reason = "no-longer-needed" });
            case "POST /api/pricing/baselines":
                return Json(HttpMethod.Post, "/api/pricing/baselines", NegotiationClient.DefaultBaseline());
            case "PUT /api/pricing/baselines/{id}":
                return Json(HttpMethod.Put, $"/api/pricing/baselines/{await DraftBaselineAsync(clients["demo-admin"])}", NegotiationClient.DefaultBaseline());
            case "POST /api/pricing/baselines/{id}/preview":
                return Json(HttpMethod.Post, $"/api/pricing/baselines/{await DraftBaselineAsync(clients["demo-admin"])}/preview",
                    new { datasetIds = new[] { Guid.NewGuid() }, purpose = "research", durationMonths = 12 });
            case "POST /api/pricing/baselines/{id}/publish":
                return Json(HttpMethod.Post, $"/api/pricing/baselines/{await DraftBaselineAsync(clients["demo-admin"])}/publish", new { });
            case "GET /api/pricing/baselines":
            case "GET /api/pricing/vouchers":
            case "GET /api/pricing/statistics":
                return new(HttpMethod.Get, endpoint.Split(' ')[1]);
            case "GET /api/pricing/baselines/{id}":
                var published = await DraftBaselineAsync(clients["demo-admin"]);
                (await clients["demo-admin"].PostAsJsonAsync($"/api/pricing/baselines/{published}/publish", new { })).EnsureSuccessStatusCode();
                return new(HttpMethod.Get, $"/api/pricing/baselines/{published}");
            case "POST /api/pricing/quotes":
                return Json(HttpMethod.Post, "/api/pricing/quotes", new { datasetId = await QuotableDatasetAsync(providerX), purpose = "research", durationMonths = 12 });
            case "POST /api/pricing/vouchers":
                return Json(HttpMethod.Post, "/api/pricing/vouchers", Voucher());
            case "GET /api/pricing/vouchers/{id}":
                var programme = await clients["demo-admin"].PostAsJsonAsync("/api/pricing/vouchers", Voucher());
                return new(HttpMethod.Get, programme.Headers.Location!.OriginalString);
            case "POST /api/identity/organisations":
                return Json(HttpMethod.Post, "/api/identity/organisations", new
                {
                    nameEn = "Matrix Org", businessRegistrationNumber = Organisations.NewBusinessRegistrationNumber(),
                    contactEmail = "m@x.test", isSme = false, roles = new[] { "buyer" },
                });
            case "GET /api/identity/organisations/{id}":
                return new(HttpMethod.Get, $"/api/identity/organisations/{buyerAOrganisation}");
            case "POST /api/identity/organisations/{id}/verify":
            case "POST /api/identity/organisations/{id}/reject":
                var pending = await Organisations.RegisterAsync(clients["anonymous"], "buyer", verifyingAdmin: null);
                return new(HttpMethod.Post, $"/api/identity/organisations/{pending.OrganisationId}/{endpoint.Split('/')[^1]}");
            case "POST /api/identity/organisations/{id}/suspend":
                var verified = await Organisations.RegisterAsync(clients["anonymous"], "buyer", clients["demo-admin"]);
                return new(HttpMethod.Post, $"/api/identity/organisations/{verified.OrganisationId}/suspend");
            case "POST /api/identity/organisations/{id}/reinstate":
                var toReinstate = await Organisations.RegisterAsync(clients["anonymous"], "buyer", clients["demo-admin"]);
                (await clients["demo-admin"].PostAsync($"/api/identity/organisations/{toReinstate.OrganisationId}/suspend", null)).EnsureSuccessStatusCode();
                return new(HttpMethod.Post, $"/api/identity/organisations/{toReinstate.OrganisationId}/reinstate");
            case "POST /api/identity/organisations/{id}/clients":
                return Json(HttpMethod.Post, $"/api/identity/organisations/{buyerAOrganisation}/clients", new { name = "matrix" });
            case "GET /api/identity/organisations/{id}/clients/{clientId}":
            case "GET /api/identity/organisations/{id}/invitations/{invitationId}":
                var what = endpoint.Contains("/clients/") ? "clients" : "invitations";
                var made = await buyerA.PostAsJsonAsync($"/api/identity/organisations/{buyerAOrganisation}/{what}",
                    what == "clients" ? new { name = "to read" } : (object)new { email = People.NewEmail() });
                return new(HttpMethod.Get, made.Headers.Location);
            case "DELETE /api/identity/organisations/{id}/clients/{clientId}":
                var created = await buyerA.PostAsJsonAsync($"/api/identity/organisations/{buyerAOrganisation}/clients", new { name = "to revoke" });
                var clientId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientId").GetString();
                return new(HttpMethod.Delete, $"/api/identity/organisations/{buyerAOrganisation}/clients/{clientId}");
            case "POST /api/identity/organisations/{id}/invitations":
                return Json(HttpMethod.Post, $"/api/identity/organisations/{buyerAOrganisation}/invitations", new { email = People.NewEmail() });
            case "GET /api/identity/organisations/{id}/clients":
                return new(HttpMethod.Get, $"/api/identity/organisations/{buyerAOrganisation}/clients");
            case "GET /api/identity/organisations":
                return new(HttpMethod.Get, "/api/identity/organisations?status=Pending");
            case "GET /api/identity/organisations/{id}/people":
                return new(HttpMethod.Get, $"/api/identity/organisations/{buyerAOrganisation}/people");
            case "DELETE /api/identity/organisations/{id}/people/{personId}":
                var email = People.NewEmail();
                await People.AcceptInvitationAsync(await People.InviteAsync(buyerA, Guid.Parse(buyerAOrganisation), email), "Matrix", "matrix password 1");
                var people = await buyerA.GetFromJsonAsync<JsonElement>($"/api/identity/organisations/{buyerAOrganisation}/people?limit=100");
                var personId = people.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("email").GetString() == email).GetProperty("id").GetGuid();
                return new(HttpMethod.Delete, $"/api/identity/organisations/{buyerAOrganisation}/people/{personId}");
            default:
                throw new InvalidOperationException($"No request recipe for {endpoint}");
        }
    }

    private static object Voucher() => new
    {
        name = "matrix", forSmes = true, subsidyPercent = 10, capPerAgreementKrw = 100_000, budgetKrw = 1_000_000,
        validFrom = DateTime.UtcNow, validTo = DateTime.UtcNow.AddDays(1),
    };

    private static async Task<Guid> DraftBaselineAsync(HttpClient admin)
    {
        var created = await admin.PostAsJsonAsync("/api/pricing/baselines", NegotiationClient.DefaultBaseline());
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A published dataset of provider X once Pricing has received it.</summary>
    private static async Task<Guid> QuotableDatasetAsync(HttpClient providerX)
    {
        var id = await PublishedOfXAsync(providerX);
        await Eventually.HoldsAsync(async () => (await providerX.PostAsJsonAsync("/api/pricing/quotes",
            new { datasetId = id, purpose = "research", durationMonths = 12 })).IsSuccessStatusCode, TimeSpan.FromSeconds(15), "the dataset to reach Pricing");
        return id;
    }

    private static (Guid Dataset, decimal Price)? _negotiable;

    /// <summary>One dataset of provider X, negotiable in Contracts, and a price inside its band.</summary>
    private static async Task<(Guid Dataset, decimal Price)> NegotiableAsync(HttpClient providerX, HttpClient buyer)
    {
        if (_negotiable is not { } known)
        {
            var dataset = await NegotiationClient.PublishDatasetAsync(providerX);
            _negotiable = known = (dataset, await NegotiationClient.ReferencePriceAsync(buyer, dataset));
        }

        return known;
    }

    /// <summary>A fresh standard offer (without automatic agreement) on the negotiable dataset, its earlier ones withdrawn (a dataset has at most ten).</summary>
    private static async Task<Guid> StandardOfferAsync(HttpClient providerX, HttpClient buyerA)
    {
        var (dataset, price) = await NegotiableAsync(providerX, buyerA);
        await WithdrawStandardOffersAsync(providerX, dataset);
        var offer = await NegotiationClient.ExpectAsync(
            await providerX.PostAsJsonAsync($"/api/contracts/datasets/{dataset}/standard-offers", new { terms = NegotiationClient.Terms(), priceKrw = price }),
            HttpStatusCode.Created);
        return offer.GetProperty("id").GetGuid();
    }

    private static async Task WithdrawStandardOffersAsync(HttpClient providerX, Guid dataset)
    {
        var active = await providerX.GetFromJsonAsync<JsonElement>($"/api/contracts/datasets/{dataset}/standard-offers");
        foreach (var offer in active.GetProperty("items").EnumerateArray())
        {
            (await providerX.PostAsync($"/api/contracts/standard-offers/{offer.GetProperty("id")}/withdraw", null)).EnsureSuccessStatusCode();
        }
    }

    private static async Task<JsonElement> NegotiationAsync(HttpClient providerX, HttpClient buyerA, string state)
    {
        var (dataset, price) = await NegotiableAsync(providerX, buyerA);
        return await NegotiationClient.DriveAsync(buyerA, providerX, dataset, price, state);
    }

    private static async Task<Guid> PublishedOfXAsync(HttpClient providerX)
    {
        var draft = await DatasetClient.CreateDraftAsync(providerX);
        await DatasetClient.PublishAsync(providerX, draft.Id);
        return draft.Id;
    }

    private static HttpRequestMessage Json(HttpMethod method, string url, object body) => new(method, url) { Content = JsonContent.Create(body) };

    private static string OrganisationOf(HttpClient signedIn) =>
        new JsonWebTokenHandler().ReadJsonWebToken(signedIn.DefaultRequestHeaders.Authorization!.Parameter).GetClaim("org_id").Value;
}
