namespace Marketplace.BuildingBlocks.Security;

/// <summary><c>Marketplace:Identity</c>: how tokens are issued and where services find the issuer's keys.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Marketplace:Identity";

    /// <summary>The public client people sign in through (authorization code + PKCE), e.g. from the Swagger UI.</summary>
    public const string WebClientId = "marketplace-web";

    /// <summary>Where Identity sends a person back to the web console after signing in (at the public address).</summary>
    public const string ConsoleSignedInPath = "/signin-oidc";

    /// <summary>Where Identity sends a person back to the web console after signing out.</summary>
    public const string ConsoleSignedOutPath = "/signout-callback-oidc";

    /// <summary>
    /// Public issuer URI written into tokens (the gateway's address in microservices mode). Empty: the
    /// address of the request, which suits all-in-one mode.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// Internal address of the Identity service, where other services fetch discovery and JWKS in
    /// microservices mode (default http://127.0.0.1:5104). Unused in a process that hosts Identity.
    /// </summary>
    public string Authority { get; set; } = "http://127.0.0.1:5104";
}
