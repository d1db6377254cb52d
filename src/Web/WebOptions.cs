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
