using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Security;
using Microsoft.Extensions.Configuration;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Infrastructure;

/// <summary>
/// <c>Marketplace:Identity:WebClient</c>: the public OAuth client <c>marketplace-web</c> through which people sign in
/// (authorization code + PKCE, refresh tokens), e.g. the Swagger UI or a web front end. It has no secret;
/// only its registered redirect URIs can receive codes.
/// </summary>
public sealed class WebClient
{
    public const string Section = "Marketplace:Identity:WebClient";

    /// <summary>Exact redirect URIs of further applications, e.g. <c>https://app.market.example/signed-in</c>.</summary>
    public string[] RedirectUris { get; set; } = [];

    public const string SwaggerRedirectPath = "/swagger/oauth2-redirect.html";

    /// <summary>The applications at the public address that people sign in through: the Swagger UI and the web console.</summary>
    private static readonly string[] OwnRedirectPaths =
        [SwaggerRedirectPath, IdentityOptions.ConsoleSignedInPath, IdentityOptions.ConsoleSignedOutPath];

    /// <summary>
    /// The configured client, plus the Swagger UI's and the console's redirects at the public address: the issuer when one
    /// is configured (microservices mode: the gateway), otherwise this process's own listening addresses.
    /// </summary>
    public static WebClient From(IConfiguration configuration)
    {
        var client = configuration.GetSection(Section).Get<WebClient>() ?? new WebClient();
        var bases = PublicAddress.ListeningAddresses(configuration).Prepend(PublicAddress.From(configuration).Root);
        var own = bases.SelectMany(b => OwnRedirectPaths.Select(path => new UriBuilder(b) { Path = path }.Uri.ToString()));
        client.RedirectUris = [.. client.RedirectUris.Concat(own).Distinct()];
        return client;
    }

    /// <summary>Creates the client, or brings its redirect URIs in line with configuration.</summary>
    public async Task RegisterAsync(IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = IdentityOptions.WebClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Manufacturing Data Marketplace",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
            // Sign-out returns to the page the person signed in from.
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        if (await applications.FindByClientIdAsync(IdentityOptions.WebClientId, ct) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, ct);
        }
        else
        {
            await applications.CreateAsync(descriptor, ct);
        }
    }
}
