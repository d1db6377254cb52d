namespace Marketplace.BuildingBlocks.Vocabulary;

/// <summary>
/// Where and how the marketplace speaks the Dataspace Protocol 2025-1 (HTTPS binding) as a provider: the version
/// Contracts announces at <c>/.well-known/dspace-version</c>, the base path of its DSP endpoints, the context.
/// </summary>
public static class DataspaceProtocol
{
    public const string Version = "2025-1";

    /// <summary>The DSP base path, under Contracts' API (the gateway forwards it with the module's other paths).</summary>
    public const string Path = "/api/contracts/dsp";

    public const string Context = "https://w3id.org/dspace/2025/1/context.jsonld";

    public const string Namespace = "https://w3id.org/dspace/2025/1/";

    /// <summary>The longest id the marketplace keeps for a connector: its participant id, a process id (<c>consumerPid</c>).</summary>
    public const int MaxIdLength = 300;

    /// <summary>The longest callback address the marketplace keeps for a connector.</summary>
    public const int MaxAddressLength = 2000;

    /// <summary>The IRI of the marketplace's ODRL profile (prices and terms in offers and agreements); it serves its JSON-LD context.</summary>
    public static string Profile(string root) => $"{root}{Path}/odrl-profile";
}
