using Microsoft.Extensions.Configuration;

namespace Marketplace.BuildingBlocks.Hosting;

/// <summary>
/// The one public base URL of the marketplace: the issuer written into tokens and the root of every absolute
/// link it hands out (DCAT identifiers, invitation links). Never taken from a request's <c>Host</c> header,
/// which any client sets. <c>Marketplace:PublicBaseUrl</c>; else <c>Marketplace:Identity:Issuer</c>; else the
/// first <c>--urls</c> address (all-in-one), with a wildcard host read as <c>localhost</c>.
/// </summary>
public sealed record PublicAddress(Uri BaseUrl)
{
    public const string ConfigurationKey = "Marketplace:PublicBaseUrl";

    /// <summary>The base URL without its trailing slash, for joining with absolute paths.</summary>
    public string Root => BaseUrl.GetLeftPart(UriPartial.Authority) + BaseUrl.AbsolutePath.TrimEnd('/');

    public static PublicAddress From(IConfiguration configuration)
    {
        var configured = configuration[ConfigurationKey] is { Length: > 0 } url ? url
            : configuration["Marketplace:Identity:Issuer"] is { Length: > 0 } issuer ? issuer
            : FirstListeningAddress(configuration);
        return Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new PublicAddress(new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/"))
            : throw new InvalidOperationException($"The public base URL '{configured}' is not an absolute http(s) URL; set {ConfigurationKey}.");
    }

    /// <summary>Every address this process listens on, wildcards read as localhost.</summary>
    public static IEnumerable<string> ListeningAddresses(IConfiguration configuration) =>
        (configuration["urls"] ?? "http://localhost:5000")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => a.Replace("://*", "://localhost").Replace("://+", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost"));

    private static string FirstListeningAddress(IConfiguration configuration) => ListeningAddresses(configuration).First();
}
