using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.EndToEnd.Tests;

/// <summary>Sign-in and authorisation with real tokens from the real token endpoint (all-in-one, demo organisations).</summary>
[Collection(SharedMarketplace.Name)]
public sealed class AuthTests(AllInOneMarketplace fixture)
{
    private Uri BaseAddress => fixture.Host.BaseAddress!;

    [Fact]
    public async Task Catalog_writes_need_a_token_and_the_provider_role()
    {
        using var anonymous = fixture.Host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/catalog/datasets", new { titleEn = "x" })).StatusCode);

        using var buyer = await Tokens.DemoAsync(BaseAddress, "demo-buyer-a");
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.PostAsJsonAsync("/api/catalog/datasets", new { titleEn = "x" })).StatusCode);
    }

    [Fact]
    public async Task The_provider_comes_from_the_token_and_drafts_are_invisible_to_other_organisations()
    {
        using var providerX = await Tokens.DemoAsync(BaseAddress, "demo-provider-x");
        using var providerY = await Tokens.DemoAsync(BaseAddress, "demo-provider-y");
        using var anonymous = fixture.Host.CreateClient();
        var claimed = Guid.NewGuid();

        var response = await providerX.PostAsJsonAsync("/api/catalog/datasets", new { titleEn = "Press line logs", providerOrganisationId = claimed });
        var draft = (await response.Content.ReadFromJsonAsync<DatasetClient.Dataset>())!;
        var another = await DatasetClient.CreateDraftAsync(providerX);

        Assert.NotEqual(claimed, draft.ProviderOrganisationId);
        Assert.Equal(another.ProviderOrganisationId, draft.ProviderOrganisationId);
        Assert.Equal(HttpStatusCode.OK, (await providerX.GetAsync($"/api/catalog/datasets/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await providerY.GetAsync($"/api/catalog/datasets/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/catalog/datasets/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await providerY.PostAsync($"/api/catalog/datasets/{draft.Id}/publish", null)).StatusCode);

        await DatasetClient.PublishAsync(providerX, another.Id);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/catalog/datasets/{another.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_unverified_provider_signs_in_but_cannot_publish_until_an_administrator_verifies_it()
    {
        using var anonymous = fixture.Host.CreateClient();
        var registered = await Organisations.RegisterAsync(anonymous, "provider", verifyingAdmin: null);
        using (var pending = await Tokens.SignedInAsync(BaseAddress, registered.ClientId, registered.ClientSecret))
        {
            var draft = await DatasetClient.CreateDraftAsync(pending);
            var refused = await pending.PostAsync($"/api/catalog/datasets/{draft.Id}/publish", null);
            await AssertNotVerifiedAsync(refused);
        }

        using var buyer = await Tokens.DemoAsync(BaseAddress, "demo-buyer-a");
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.PostAsync($"/api/identity/organisations/{registered.OrganisationId}/verify", null)).StatusCode);
        using var admin = await Tokens.DemoAsync(BaseAddress, "demo-admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/identity/organisations/{registered.OrganisationId}/verify", null)).StatusCode);

        // The verification shows in the next token.
        using var verified = await Tokens.SignedInAsync(BaseAddress, registered.ClientId, registered.ClientSecret);
        var second = await DatasetClient.CreateDraftAsync(verified);
        await DatasetClient.PublishAsync(verified, second.Id);
    }

    [Fact]
    public async Task An_unverified_buyer_may_quote_but_not_request_a_contract_and_is_told_why()
    {
        using var anonymous = fixture.Host.CreateClient();
        var registered = await Organisations.RegisterAsync(anonymous, "buyer", verifyingAdmin: null);
        using var pending = await Tokens.SignedInAsync(BaseAddress, registered.ClientId, registered.ClientSecret);
        var dataset = await fixture.DemoDatasetAsync("processStage=production&dataType=sensor-time-series");

        var quote = await pending.PostAsJsonAsync("/api/pricing/quotes", new { datasetId = dataset, purpose = "research", durationMonths = 12, exclusive = false });
        Assert.Equal(HttpStatusCode.OK, quote.StatusCode);
        await AssertNotVerifiedAsync(await NegotiationClient.RequestAsync(pending, dataset, 10_000_000m));
    }

    private static async Task AssertNotVerifiedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("not been verified", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Verifying_with_a_stale_if_match_is_412_so_two_administrators_do_not_overwrite_each_other()
    {
        using var anonymous = fixture.Host.CreateClient();
        using var admin = await Tokens.DemoAsync(BaseAddress, "demo-admin");
        var registered = await Organisations.RegisterAsync(anonymous, "buyer", verifyingAdmin: null);
        var read = await admin.GetAsync($"/api/identity/organisations/{registered.OrganisationId}");
        Assert.NotNull(read.Headers.ETag);
        (await admin.PostAsync($"/api/identity/organisations/{registered.OrganisationId}/reject", null)).EnsureSuccessStatusCode();

        using var verify = new HttpRequestMessage(HttpMethod.Post, $"/api/identity/organisations/{registered.OrganisationId}/verify");
        verify.Headers.IfMatch.Add(read.Headers.ETag!);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.SendAsync(verify)).StatusCode);
    }

    [Fact]
    public async Task A_suspended_organisation_is_refused_by_every_module_within_seconds_and_works_again_once_reinstated()
    {
        using var anonymous = fixture.Host.CreateClient();
        using var admin = await Tokens.DemoAsync(BaseAddress, "demo-admin");
        var registered = await Organisations.RegisterAsync(anonymous, "buyer", admin);

        await Organisations.SuspensionReachesEveryModuleAsync(admin, anonymous, registered);
    }

    [Fact]
    public async Task A_revoked_api_client_can_no_longer_obtain_tokens()
    {
        using var anonymous = fixture.Host.CreateClient();
        var registered = await Organisations.RegisterAsync(anonymous, "buyer", verifyingAdmin: null);
        using var organisation = await Tokens.SignedInAsync(BaseAddress, registered.ClientId, registered.ClientSecret);
        var created = await organisation.PostAsJsonAsync($"/api/identity/organisations/{registered.OrganisationId}/clients", new { name = "ERP connector" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var extra = await created.Content.ReadFromJsonAsync<JsonElement>();
        var clientId = extra.GetProperty("clientId").GetString()!;
        var secret = extra.GetProperty("clientSecret").GetString()!;
        await Tokens.RequestAsync(anonymous, clientId, secret);

        Assert.Equal(HttpStatusCode.NoContent, (await organisation.DeleteAsync($"/api/identity/organisations/{registered.OrganisationId}/clients/{clientId}")).StatusCode);

        var refused = await Tokens.RequestRawAsync(anonymous, clientId, secret);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("invalid_client", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        await Tokens.RequestAsync(anonymous, registered.ClientId, registered.ClientSecret);
    }

    [Fact]
    public async Task A_registration_number_with_a_bad_check_digit_is_rejected_naming_the_field()
    {
        using var anonymous = fixture.Host.CreateClient();
        var valid = Organisations.NewBusinessRegistrationNumber();
        var wrongCheckDigit = valid[..9] + (char)('0' + (valid[9] - '0' + 1) % 10);

        var response = await anonymous.PostAsJsonAsync("/api/identity/organisations", new
        {
            nameEn = "Checksum Test", businessRegistrationNumber = wrongCheckDigit, contactEmail = "a@b.test", isSme = true, roles = new[] { "buyer" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("businessRegistrationNumber", out _));
    }

    [Fact]
    public async Task Racing_registrations_with_one_business_registration_number_get_one_201_and_409s()
    {
        using var anonymous = fixture.Host.CreateClient();
        var number = Organisations.NewBusinessRegistrationNumber();

        var answers = await Concurrently.SendAsync(20, () => anonymous.PostAsJsonAsync("/api/identity/organisations", new
        {
            nameEn = "Race Manufacturing", businessRegistrationNumber = number, contactEmail = $"race-{number}@example.test", isSme = true, roles = new[] { "buyer" },
        }));

        Assert.Equal(1, Concurrently.SucceededOrConflicted(answers));
    }

    [Fact]
    public async Task Unsigned_and_tampered_tokens_are_rejected()
    {
        using var client = fixture.Host.CreateClient();
        var token = await Tokens.RequestAsync(client, "demo-provider-x", "demo-provider-x-secret");
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64Url.DecodeFromChars(parts[1]))!;
        payload["role"] = JsonSerializer.SerializeToElement("admin");
        var forgedPayload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));

        var unsigned = $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"at+jwt"}"""))}.{forgedPayload}.";
        var tampered = $"{parts[0]}.{forgedPayload}.{parts[2]}";
        foreach (var forged in new[] { unsigned, tampered })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/catalog/datasets") { Content = JsonContent.Create(new { titleEn = "x" }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task Expired_wrong_audience_and_foreign_key_tokens_are_rejected_while_a_well_formed_one_passes()
    {
        using var client = fixture.Host.CreateClient();
        var issuer = (await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration")).GetProperty("issuer").GetString()!;
        var keyId = (await client.GetFromJsonAsync<JsonElement>("/.well-known/jwks")).GetProperty("keys")[0].GetProperty("kid").GetString()!;
        var platformKey = ECDsa.Create();
        platformKey.ImportFromPem(await File.ReadAllTextAsync(Path.Combine(fixture.KeysFolder, "signing-es256.pem")));
        var foreignKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var provider = await Tokens.DemoAsync(BaseAddress, "demo-provider-x");
        var genuine = new JsonWebTokenHandler().ReadJsonWebToken(provider.DefaultRequestHeaders.Authorization!.Parameter);
        var organisation = genuine.GetClaim("org_id").Value;

        string Forge(ECDsa key, string audience, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires.AddHours(-1),
            NotBefore = expires.AddHours(-1),
            Expires = expires,
            TokenType = "at+jwt",
            Claims = new Dictionary<string, object>
            {
                ["sub"] = "demo-provider-x", ["client_id"] = "demo-provider-x", ["org_id"] = organisation,
                ["org_verified"] = "true", ["role"] = "provider",
            },
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha256),
        });

        var later = DateTime.UtcNow.AddMinutes(30);
        Assert.Equal(HttpStatusCode.Created, await CreateWithAsync(client, Forge(platformKey, "marketplace", later)));
        Assert.Equal(HttpStatusCode.Unauthorized, await CreateWithAsync(client, Forge(platformKey, "marketplace", DateTime.UtcNow.AddMinutes(-10))));
        Assert.Equal(HttpStatusCode.Unauthorized, await CreateWithAsync(client, Forge(platformKey, "another-api", later)));
        Assert.Equal(HttpStatusCode.Unauthorized, await CreateWithAsync(client, Forge(foreignKey, "marketplace", later)));
    }

    private static async Task<HttpStatusCode> CreateWithAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/catalog/datasets") { Content = JsonContent.Create(new { titleEn = "Forged?" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.SendAsync(request)).StatusCode;
    }
}
