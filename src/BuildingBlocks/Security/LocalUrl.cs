namespace Marketplace.BuildingBlocks.Security;

/// <summary>Where a page may send a browser back to after signing in or switching the language: only this site.</summary>
public static class LocalUrl
{
    private static readonly Uri SameOrigin = new("https://marketplace.invalid/");

    /// <summary>
    /// Only paths on this site: a sign-in never sends the browser elsewhere. Browsers parse URLs the WHATWG
    /// way, which drops tabs and newlines and reads a backslash as a slash, so <c>/&#9;/evil.example</c>
    /// becomes <c>//evil.example</c>, another host: no control characters, whitespace or backslashes at all,
    /// and the path must resolve on this origin.
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2048 && url[0] == '/' && (url.Length == 1 || url[1] != '/')
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\' || char.IsSurrogate(c) || c is '\u200B' or '\uFEFF')
        && Uri.TryCreate(SameOrigin, url, out var resolved) && resolved.Authority == SameOrigin.Authority && resolved.Scheme == SameOrigin.Scheme;

    /// <summary>The URL when it is local, else the site's root.</summary>
    public static string OrRoot(string? url) => IsLocal(url) ? url! : "/";
}
