namespace Marketplace.Identity.Domain;

/// <summary>
/// What makes an API client a Dataspace Protocol connector of its organisation: the participant id it has in dataspaces
/// (a DID, a BPN, an URL) and the base addresses the marketplace may call back (DSP callbacks go only to addresses under
/// these, never to one a message names alone). Both travel in the client's access tokens.
/// </summary>
public sealed record Connector(string ParticipantId, string[] CallbackAddresses)
{
    /// <summary>Whether <paramref name="address"/> is one of the registered bases or below one (on a path-segment boundary).</summary>
    public static bool IsUnder(string address, IEnumerable<string> bases) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && bases.Any(b => Uri.TryCreate(b, UriKind.Absolute, out var root)
            && uri.Scheme == root.Scheme && uri.Authority == root.Authority
            && (uri.AbsolutePath.TrimEnd('/') == root.AbsolutePath.TrimEnd('/') || uri.AbsolutePath.StartsWith(root.AbsolutePath.TrimEnd('/') + "/", StringComparison.Ordinal)));
}
