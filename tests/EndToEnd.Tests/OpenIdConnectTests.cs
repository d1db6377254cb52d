using System.Net;
using Duende.IdentityModel.Client;

namespace Marketplace.EndToEnd.Tests;

/// <summary>The OpenID Connect and OAuth 2.0 endpoints, driven by an independent client library (Duende.IdentityModel).</summary>
[Collection(SharedMarketplace.Name)]
public sealed class OpenIdConnectTests(AllInOneMarketplace fixture)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task Discovery_advertises_what_is_true_and_every_endpoint_it_names_answers()
    {
        using var client = fixture.Host.CreateClient();
        var discovery = await client.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = fixture.BaseAddress.ToString(),
            Policy = { RequireHttps = false },
        });

        Assert.False(discovery.IsError, discovery.Error);
        Assert.Equal(["S256"], discovery.CodeChallengeMethodsSupported);
        Assert.Superset(new HashSet<string> { "sub", "name", "email", "org_id", "role" }, discovery.ClaimsSupported.ToHashSet());
        Assert.All(new[] { discovery.UserInfoEndpoint, discovery.EndSessionEndpoint, discovery.RevocationEndpoint, discovery.IntrospectionEndpoint },
            e => Assert.StartsWith(fixture.BaseAddress.ToString(), e));
    }

    [Fact]
    public async Task An_api_client_introspects_and_revokes_its_token_and_gets_no_id_token_for_scope_openid()
    {
        using var client = fixture.Host.CreateClient();
        var token = await client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = "demo-provider-x", ClientSecret = "demo-provider-x-secret", Scope = "openid",
        });
        Assert.False(token.IsError, token.Error);
        Assert.Null(token.IdentityToken);

        var active = await client.IntrospectTokenAsync(new TokenIntrospectionRequest
        {
            Address = "/connect/introspect", ClientId = "demo-provider-x", ClientSecret = "demo-provider-x-secret", Token = token.AccessToken!,
        });
        Assert.False(active.IsError, active.Error);
        Assert.True(active.IsActive);
        Assert.Equal("demo-provider-x", active.Claims.First(c => c.Type == "sub").Value);

        var revoked = await client.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = "/connect/revoke", ClientId = "demo-provider-x", ClientSecret = "demo-provider-x-secret", Token = token.AccessToken!,
        });
        Assert.False(revoked.IsError, revoked.Error);
        var after = await client.IntrospectTokenAsync(new TokenIntrospectionRequest
        {
            Address = "/connect/introspect", ClientId = "demo-provider-x", ClientSecret = "demo-provider-x-secret", Token = token.AccessToken!,
        });
        Assert.False(after.IsActive);
    }

    [Fact]
    public async Task A_person_reads_userinfo_and_signs_out_back_to_a_registered_page_and_plain_pkce_is_refused()
    {
        using var anonymous = fixture.Host.CreateClient();
        var registered = await Organisations.RegisterAsync(anonymous, "buyer", verifyingAdmin: null);
        Assert.Equal(HttpStatusCode.Created, (await People.AcceptInvitationAsync(registered.InvitationUrl, "Choi Yuna", Password)).StatusCode);
        var tokens = await People.SignInAsync(fixture.BaseAddress, registered.ContactEmail, Password, "openid profile email");

        var userInfo = await anonymous.GetUserInfoAsync(new UserInfoRequest { Address = "/connect/userinfo", Token = tokens.AccessToken });
        Assert.False(userInfo.IsError, userInfo.Error);
        Assert.Equal("Choi Yuna", userInfo.Claims.First(c => c.Type == "name").Value);
        Assert.Equal(registered.ContactEmail, userInfo.Claims.First(c => c.Type == "email").Value);
        Assert.Equal(registered.OrganisationId.ToString(), userInfo.Claims.First(c => c.Type == "org_id").Value);

        using var browser = People.Browser(fixture.BaseAddress);
        var returnTo = People.SwaggerRedirect(fixture.BaseAddress).ToString();
        var signOut = await browser.GetAsync($"/connect/endsession?id_token_hint={tokens.IdentityToken}&post_logout_redirect_uri={Uri.EscapeDataString(returnTo)}");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith(returnTo, signOut.Headers.Location!.ToString());
        var elsewhere = await browser.GetAsync($"/connect/endsession?post_logout_redirect_uri={Uri.EscapeDataString("https://evil.example/")}");
        Assert.DoesNotContain("evil.example", elsewhere.Headers.Location?.ToString() ?? "");

        var plain = await browser.GetAsync(People.AuthorizeUrl(fixture.BaseAddress, "openid", challenge: null, "s")
            + "&code_challenge=plain-challenge-that-is-long-enough-to-be-valid-0123456789&code_challenge_method=plain");
        Assert.True(plain.StatusCode is HttpStatusCode.BadRequest || plain.Headers.Location?.Query.Contains("error=invalid_request") == true,
            $"plain PKCE: {(int)plain.StatusCode} {plain.Headers.Location}");
    }
}
