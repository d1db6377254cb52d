using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// People: invitations by an organisation administrator, the sign-in page, authorization code + PKCE and
/// refresh tokens, all through the real pages and endpoints of an all-in-one marketplace.
/// </summary>
[Collection(SharedMarketplace.Name)]
public sealed class PeopleTests(AllInOneMarketplace fixture)
{
    private const string Password = "correct horse battery";

    private Uri BaseAddress => fixture.Host.BaseAddress!;

    [Fact]
    public async Task The_registration_contact_becomes_organisation_administrator_and_invites_a_colleague()
    {
        using var anonymous = fixture.Host.CreateClient();
        var registered = await Organisations.RegisterAsync(anonymous, "buyer", verifyingAdmin: null);
        Assert.Equal(HttpStatusCode.Created, (await People.AcceptInvitationAsync(registered.InvitationUrl, "Kim Minji", Password)).StatusCode);

        var tokens = await People.SignInAsync(BaseAddress, registered.ContactEmail, Password);
        var claims = new JsonWebTokenHandler().ReadJsonWebToken(tokens.AccessToken);
        Assert.Equal(registered.OrganisationId.ToString(), claims.GetClaim("org_id").Value);
        Assert.Equal("true", claims.GetClaim("org_admin").Value);
        Assert.Equal("false", claims.GetClaim("org_verified").Value);
        Assert.Equal("buyer", claims.GetClaim("role").Value);
        Assert.Equal("Kim Minji", claims.GetClaim("name").Value);
        Assert.Contains("marketplace", claims.Audiences);
        Assert.NotNull(tokens.RefreshToken);
        Assert.NotNull(tokens.IdentityToken);

        using var administrator = Bearer(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync($"/api/identity/organisations/{registered.OrganisationId}")).StatusCode);
        var colleagueEmail = People.NewEmail();
        var invitation = await People.InviteAsync(administrator, registered.OrganisationId, colleagueEmail);
        Assert.Equal(HttpStatusCode.Created, (await People.AcceptInvitationAsync(invitation, "Park Jisoo", Password)).StatusCode);

        // A member who is not an administrator acts for the organisation but cannot manage it.
        var colleague = await People.SignInAsync(BaseAddress, colleagueEmail, Password);
        Assert.Equal("false", new JsonWebTokenHandler().ReadJsonWebToken(colleague.AccessToken).GetClaim("org_admin").Value);
        using var member = Bearer(colleague.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/identity/organisations/{registered.OrganisationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/identity/organisations/{registered.OrganisationId}/clients", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/identity/organisations/{registered.OrganisationId}/invitations", new { email = People.NewEmail() })).StatusCode);

        var people = await administrator.GetFromJsonAsync<JsonElement>($"/api/identity/organisations/{registered.OrganisationId}/people");
        Assert.Equal(new[] { colleagueEmail, registered.ContactEmail }.Order(), people.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("email").GetString()!).Order());
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("/\v/evil.example")]
    [InlineData("/\u3000/evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData(" /evil")]
    public async Task Sign_in_never_redirects_off_site_whatever_the_return_url(string returnUrl)
    {
        var signedIn = await SignInOnThePageAsync(returnUrl);

        // Never a redirect to wherever the browser would resolve the address: the default page, or (control
        // characters, which no form field may carry) a 400 problem naming the field.
        Assert.Null(signedIn.Headers.Location);
        Assert.True(returnUrl.Any(char.IsControl) ? signedIn.StatusCode == HttpStatusCode.BadRequest : signedIn.StatusCode == HttpStatusCode.OK,
            $"{(int)signedIn.StatusCode} {await signedIn.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_local_return_url_is_followed_after_sign_in()
    {
        var signedIn = await SignInOnThePageAsync("/connect/authorize?client_id=marketplace-web&scope=openid");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/connect/authorize?client_id=marketplace-web&scope=openid", signedIn.Headers.Location!.OriginalString);
    }

    /// <summary>A new person signs in on the sign-in page, posting <paramref name="returnUrl"/> with the form.</summary>
    private async Task<HttpResponseMessage> SignInOnThePageAsync(string returnUrl)
    {
        using var anonymous = fixture.Host.CreateClient();
        var registered = await Organisations.RegisterAsync(anonymous, "buyer", verifyingAdmin: null);
        Assert.Equal(HttpStatusCode.Created, (await People.AcceptInvitationAsync(registered.InvitationUrl, "Lee Sora", Password)).StatusCode);
        using var browser = People.Browser(BaseAddress);
        var page = await (await browser.GetAsync("/account/login")).Content.ReadAsStringAsync();
        return await People.PostFormAsync(browser, "/account/login", page, new()
        {
            ["email"] = registered.ContactEmail,
            ["password"] = Password,
            ["returnUrl"] = returnUrl,
        });
    }

    [Fact]
    public async Task The_location_of_a_created_client_or_invitation_is_readable_by_its_creator_without_the_secret()
    {
        var (organisationAdmin, organisationId) = await NewOrganisationAdminAsync();

        var client = await organisationAdmin.PostAsJsonAsync($"/api/identity/organisations/{organisationId}/clients", new { name = "erp" });
        var readClient = await organisationAdmin.GetAsync(client.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, readClient.StatusCode);
        var clientBody = await readClient.Content.ReadAsStringAsync();
        Assert.Contains("\"name\":\"erp\"", clientBody);
        Assert.DoesNotContain((await client.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!, clientBody);

        var invitation = await organisationAdmin.PostAsJsonAsync($"/api/identity/organisations/{organisationId}/invitations", new { email = People.NewEmail() });
        var readInvitation = await organisationAdmin.GetAsync(invitation.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, readInvitation.StatusCode);
        Assert.DoesNotContain("code=", await readInvitation.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Refresh_tokens_roll_and_stop_working_once_the_person_is_disabled()
    {
        var (organisationAdmin, organisationId) = await NewOrganisationAdminAsync();
        var email = People.NewEmail();
        await People.AcceptInvitationAsync(await People.InviteAsync(organisationAdmin, organisationId, email), "Lee Seojun", Password);
        var tokens = await People.SignInAsync(BaseAddress, email, Password);
        using var client = fixture.Host.CreateClient();

        var refreshed = await People.RefreshAsync(client, tokens.RefreshToken!);
        var body = await refreshed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(refreshed.IsSuccessStatusCode, body.ToString());
        var access = body.GetProperty("access_token").GetString()!;
        var person = new JsonWebTokenHandler().ReadJsonWebToken(access).Subject;
        using (var signedIn = Bearer(access))
        {
            Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync($"/api/identity/organisations/{organisationId}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await organisationAdmin.DeleteAsync($"/api/identity/organisations/{organisationId}/people/{person}")).StatusCode);
        var refused = await People.RefreshAsync(client, body.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("invalid_grant", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        using var browser = People.Browser(BaseAddress);
        var loginPage = await (await browser.GetAsync("/account/login")).Content.ReadAsStringAsync();
        var login = await People.PostFormAsync(browser, "/account/login", loginPage, new() { ["email"] = email, ["password"] = Password, ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
    }

    [Fact]
    public async Task A_code_is_redeemed_only_with_its_pkce_verifier_and_only_once()
    {
        using var browser = People.Browser(BaseAddress);
        var (code, verifier) = await People.AuthorizeAsync(browser, "demo-buyer-a@example.invalid", "demo-buyer-a-secret");

        var wrongVerifier = await People.RedeemAsync(browser, code, verifier + "x", People.SwaggerRedirect(BaseAddress));
        Assert.Equal(HttpStatusCode.BadRequest, wrongVerifier.StatusCode);
        Assert.Equal("invalid_grant", (await wrongVerifier.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        // A code redeemed once cannot be redeemed again.
        using var another = People.Browser(BaseAddress);
        var (second, secondVerifier) = await People.AuthorizeAsync(another, "demo-buyer-a@example.invalid", "demo-buyer-a-secret");
        Assert.True((await People.RedeemAsync(another, second, secondVerifier, People.SwaggerRedirect(BaseAddress))).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await People.RedeemAsync(another, second, secondVerifier, People.SwaggerRedirect(BaseAddress))).StatusCode);
    }

    [Fact]
    public async Task Authorize_refuses_requests_without_pkce_or_with_an_unregistered_redirect()
    {
        using var browser = People.Browser(BaseAddress);
        var noPkce = await browser.GetAsync(People.AuthorizeUrl(BaseAddress, "openid", challenge: null, "s"));
        var foreignRedirect = await browser.GetAsync(People.AuthorizeUrl(
            BaseAddress, "openid", People.Challenge("v"), "s", redirectUri: "https://attacker.example/callback"));

        // Neither reaches the sign-in page; the foreign redirect is not followed either.
        Assert.NotEqual("/account/login", noPkce.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, foreignRedirect.StatusCode);
        Assert.Null(foreignRedirect.Headers.Location);
    }

    [Fact]
    public async Task The_sign_in_page_locks_after_repeated_failures_and_never_redirects_off_site()
    {
        var (organisationAdmin, organisationId) = await NewOrganisationAdminAsync();
        var email = People.NewEmail();
        await People.AcceptInvitationAsync(await People.InviteAsync(organisationAdmin, organisationId, email), "Choi Yuna", Password);
        using var browser = People.Browser(BaseAddress);

        async Task<HttpResponseMessage> LoginAsync(string password, string returnUrl = "/")
        {
            var page = await (await browser.GetAsync("/account/login")).Content.ReadAsStringAsync();
            return await People.PostFormAsync(browser, "/account/login", page, new() { ["email"] = email, ["password"] = password, ["returnUrl"] = returnUrl });
        }

        var offSite = await LoginAsync(Password, "//attacker.example/");
        Assert.Equal(HttpStatusCode.OK, offSite.StatusCode);
        Assert.Null(offSite.Headers.Location);

        var noToken = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["password"] = Password }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await LoginAsync("wrong password!")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await LoginAsync(Password)).StatusCode);
    }

    [Fact]
    public async Task An_invitation_is_used_once_and_rejects_a_weak_password_without_being_used()
    {
        var (organisationAdmin, organisationId) = await NewOrganisationAdminAsync();
        var invitation = await People.InviteAsync(organisationAdmin, organisationId, People.NewEmail());

        Assert.Equal(HttpStatusCode.BadRequest, (await People.AcceptInvitationAsync(invitation, "Han", "short")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await People.AcceptInvitationAsync(invitation, "Han", Password)).StatusCode);
        using var browser = People.Browser(BaseAddress);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(invitation.PathAndQuery)).StatusCode);

        var badEmail = await organisationAdmin.PostAsJsonAsync($"/api/identity/organisations/{organisationId}/invitations", new { email = "not-an-address" });
        Assert.Equal(HttpStatusCode.BadRequest, badEmail.StatusCode);
        Assert.True((await badEmail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("email", out _));
    }

    /// <summary>A new organisation whose contact accepted, signed in as that person (an organisation administrator).</summary>
    private async Task<(HttpClient Client, Guid OrganisationId)> NewOrganisationAdminAsync()
    {
        using var anonymous = fixture.Host.CreateClient();
        var registered = await Organisations.RegisterAsync(anonymous, "provider", verifyingAdmin: null);
        await People.AcceptInvitationAsync(registered.InvitationUrl, "Admin", Password);
        var tokens = await People.SignInAsync(BaseAddress, registered.ContactEmail, Password);
        return (Bearer(tokens.AccessToken), registered.OrganisationId);
    }

    private HttpClient Bearer(string accessToken)
    {
        var client = fixture.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }
}
