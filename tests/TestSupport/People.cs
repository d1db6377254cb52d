using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;

namespace Marketplace.TestSupport;

/// <summary>
/// A person's side of Identity, driven like a browser would: the invitation and sign-in pages (with their
/// anti-forgery tokens and cookies), then authorization code + PKCE and refresh at the real endpoints.
/// </summary>
public static partial class People
{
    public const string ClientId = "marketplace-web";

    public sealed record TokenSet(string AccessToken, string? RefreshToken, string? IdentityToken);

    /// <summary>A cookie-keeping client that does not follow redirects, so each step can be checked.</summary>
    public static HttpClient Browser(Uri baseAddress) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = baseAddress,
            Timeout = TestServices.RequestTimeout,
        };

    public static Uri SwaggerRedirect(Uri baseAddress) => new(baseAddress, "/swagger/oauth2-redirect.html");

    /// <summary>Fills in the invitation page; returns the page's answer (201 when the account was created).</summary>
    public static async Task<HttpResponseMessage> AcceptInvitationAsync(Uri invitationUrl, string displayName, string password)
    {
        using var browser = Browser(new Uri(invitationUrl.GetLeftPart(UriPartial.Authority)));
        var page = await browser.GetAsync(invitationUrl.PathAndQuery);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"invitation page: {(int)page.StatusCode}");
        return await PostFormAsync(browser, "/account/invitation", await page.Content.ReadAsStringAsync(), new()
        {
            ["code"] = HttpUtility.ParseQueryString(invitationUrl.Query)["code"]!,
            ["displayName"] = displayName,
            ["password"] = password,
            ["confirmPassword"] = password,
        });
    }

    /// <summary><paramref name="inviter"/> (an organisation administrator) invites <paramref name="email"/>; returns the acceptance link.</summary>
    public static async Task<Uri> InviteAsync(HttpClient inviter, Guid organisationId, string email, bool organisationAdmin = false)
    {
        var response = await inviter.PostAsJsonAsync($"/api/identity/organisations/{organisationId}/invitations", new { email, organisationAdmin });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"invitation failed: {body}");
        return new Uri(body.GetProperty("acceptUrl").GetString()!);
    }

    /// <summary>A unique address for a test person.</summary>
    public static string NewEmail() => $"person-{Guid.NewGuid():N}@example.test";

    /// <summary>The whole authorization code + PKCE flow: authorize, sign-in page, back to authorize, code for tokens.</summary>
    public static async Task<TokenSet> SignInAsync(Uri baseAddress, string email, string password, string scope = "openid profile offline_access")
    {
        using var browser = Browser(baseAddress);
        var (code, verifier) = await AuthorizeAsync(browser, email, password, scope);
        var response = await RedeemAsync(browser, code, verifier, SwaggerRedirect(baseAddress));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"code redemption failed: {body}");
        return new TokenSet(
            body.GetProperty("access_token").GetString()!,
            body.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
            body.TryGetProperty("id_token", out var id) ? id.GetString() : null);
    }

    /// <summary>Authorize and sign in; returns the code the redirect URI received and the PKCE verifier.</summary>
    public static async Task<(string Code, string Verifier)> AuthorizeAsync(HttpClient browser, string email, string password, string scope = "openid offline_access")
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var state = Guid.NewGuid().ToString("N");
        var authorize = AuthorizeUrl(browser.BaseAddress!, scope, Challenge(verifier), state);

        var toLogin = await browser.GetAsync(authorize);
        Assert.True(toLogin.StatusCode == HttpStatusCode.Redirect, $"authorize without a session: {(int)toLogin.StatusCode} {await toLogin.Content.ReadAsStringAsync()}");
        var loginUrl = toLogin.Headers.Location!;
        Assert.StartsWith("/account/login", loginUrl.IsAbsoluteUri ? loginUrl.PathAndQuery : loginUrl.OriginalString);
        // Behind the gateway, the browser is sent to the gateway's address, never to a service's own.
        Assert.True(!loginUrl.IsAbsoluteUri || loginUrl.Authority == browser.BaseAddress!.Authority, $"sign-in page at {loginUrl}");

        var loginPage = await browser.GetAsync(loginUrl);
        var returnUrl = HttpUtility.ParseQueryString(new Uri(browser.BaseAddress!, loginUrl).Query)["ReturnUrl"]!;
        var signedIn = await PostFormAsync(browser, "/account/login", await loginPage.Content.ReadAsStringAsync(), new()
        {
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        });
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"sign-in: {(int)signedIn.StatusCode} {await signedIn.Content.ReadAsStringAsync()}");

        var toClient = await browser.GetAsync(signedIn.Headers.Location);
        Assert.True(toClient.StatusCode == HttpStatusCode.Redirect, $"authorize with a session: {(int)toClient.StatusCode} {await toClient.Content.ReadAsStringAsync()}");
        var callback = toClient.Headers.Location!;
        Assert.StartsWith(SwaggerRedirect(browser.BaseAddress!).ToString(), callback.ToString());
        var query = HttpUtility.ParseQueryString(callback.Query);
        Assert.Equal(state, query["state"]);
        return (query["code"]!, verifier);
    }

    public static string AuthorizeUrl(Uri baseAddress, string scope, string? challenge, string state, string? redirectUri = null)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri ?? SwaggerRedirect(baseAddress).ToString(),
            ["scope"] = scope,
            ["state"] = state,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = challenge is null ? null : "S256",
        };
        return "/connect/authorize?" + string.Join('&', parameters.Where(p => p.Value is not null)
            .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
    }

    public static string Challenge(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public static Task<HttpResponseMessage> RedeemAsync(HttpClient client, string code, string verifier, Uri redirectUri) =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = ClientId,
            ["code"] = code,
            ["code_verifier"] = verifier,
            ["redirect_uri"] = redirectUri.ToString(),
        }));

    public static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken) =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = ClientId,
            ["refresh_token"] = refreshToken,
        }));

    /// <summary>Posts a form of the page, with the anti-forgery token the page carries.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, string page, Dictionary<string, string> fields)
    {
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "the page has no anti-forgery token");
        fields[token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value);
        return browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("""<input type="hidden" name="(__RequestVerificationToken)" value="([^"]+)">""")]
    private static partial Regex AntiforgeryField();
}
