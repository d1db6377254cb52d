using System.Text.Json.Nodes;
using Marketplace.BuildingBlocks.Vocabulary;

namespace Marketplace.Contracts.Domain;

/// <summary>
/// A negotiation as the Dataspace Protocol 2025-1 shows it to a connector: <c>ContractNegotiation</c> (its
/// <c>providerPid</c> the negotiation's id, its state the marketplace's, which are DSP's) and
/// <c>ContractNegotiationError</c>.
/// </summary>
public static class DspNegotiation
{
    public static JsonObject Of(Negotiation n) => new()
    {
        ["@context"] = new JsonArray(DataspaceProtocol.Context),
        ["@type"] = "ContractNegotiation",
        ["providerPid"] = ProviderPid(n.Id),
        ["consumerPid"] = n.DspConsumerPid,
        ["state"] = n.State.ToString().ToUpperInvariant(),
    };

    public static JsonObject Error(int code, string providerPid, string consumerPid, string reason) => new()
    {
        ["@context"] = new JsonArray(DataspaceProtocol.Context),
        ["@type"] = "ContractNegotiationError",
        ["providerPid"] = providerPid,
        ["consumerPid"] = consumerPid,
        ["code"] = code.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["reason"] = new JsonArray(reason),
    };

    /// <summary>The provider's process id of a negotiation: its id, as the REST API names it too.</summary>
    public static string ProviderPid(Guid negotiation) => negotiation.ToString();
}

/// <summary>The connector that requested a negotiation through the Dataspace Protocol: its process id and callback address.</summary>
public sealed record DspPeer(string ConsumerPid, string CallbackAddress);
