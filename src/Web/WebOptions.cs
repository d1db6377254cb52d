using Marketplace.BuildingBlocks.Hosting;
using Microsoft.Extensions.Configuration;

namespace Marketplace.Web;

/// <summary><c>Marketplace:Web</c>: where the console finds the public API and the token server.</summary>
public sealed class WebOptions
{
    public const string Section = "Marketplace:Web";

    /// <summary>The gateway, as the console's server reaches it. Default: the marketplace's public address.</summary>
    public Uri ApiBaseUrl { get; set; } = null!;

    /// <summary>The OpenID Connect issuer people sign in at. Default: the marketplace's public address.</summary>
    public Uri Authority { get; set; } = null!;

    /// <summary>The marketplace's public address without its trailing slash (<see cref="PublicAddress"/>), where people come back to.</summary>
    public string PublicRoot { get; private set; } = "";

    /// <summary>
    /// Where people's sessions live: <see cref="SessionStore.Memory"/> (one console process; a restart signs people out)
    /// or <see cref="SessionStore.Postgres"/> (replicas share them; see <see cref="Session.PostgresSessionCache"/>).
    /// </summary>
    public SessionStore SessionStore { get; set; } = SessionStore.Memory;

    /// <summary>Longest the console waits for one API call before it says the marketplace is busy.</summary>
    public TimeSpan ApiTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public static WebOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<WebOptions>() ?? new WebOptions();
        var publicAddress = PublicAddress.From(configuration);
        options.ApiBaseUrl ??= publicAddress.BaseUrl;
        options.Authority ??= publicAddress.BaseUrl;
        options.PublicRoot = publicAddress.Root;
        return options;
    }
}

public enum SessionStore
{
    Memory,
    Postgres,
}
