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

    /// <summary>
    /// The provider message a callback carries and the path under <c>{callbackAddress}/negotiations/{consumerPid}/</c> it
    /// goes to: the provider's offer on the table (<c>ContractOfferMessage</c>, the offer's <c>@id</c> the negotiation's
    /// round), the agreement as ODRL (<c>ContractAgreementMessage</c>), the FINALIZED event, or the termination. Each
    /// names both process ids; the connector already knows where to answer (the negotiation's address).
    /// </summary>
    public static (string Path, JsonObject Message) Callback(DspCallbackMessage kind, Negotiation n, Agreement? agreement, string root)
    {
        var message = new JsonObject
        {
            ["@context"] = DspCatalog.Context(),
            ["providerPid"] = ProviderPid(n.Id),
            ["consumerPid"] = n.DspConsumerPid,
        };
        switch (kind)
        {
            case DspCallbackMessage.Offer:
                var offer = OdrlPolicy.Offer($"{root}/api/contracts/negotiations/{n.Id}#round-{n.Rounds.Count}", n.Terms, n.PriceKrw, n.ProviderOrganisationId, root);
                offer["target"] = MarketplaceIris.DatasetVersion(root, n.DatasetId, n.DatasetVersion);
                message["@type"] = "ContractOfferMessage";
                message["offer"] = offer;
                return ("offers", message);
            case DspCallbackMessage.Agreement:
                // As GET /agreements/{id}/odrl serves it, read with the message's context (the DSP context protects its
                // terms: an embedded context may not redefine them), its uid the policy's @id.
                var policy = OdrlPolicy.Of(agreement!, root);
                policy.Remove("@context");
                var uid = policy["uid"]!.GetValue<string>();
                policy.Remove("uid");
                policy.Insert(0, "@id", uid);
                message["@type"] = "ContractAgreementMessage";
                message["agreement"] = policy;
                return ("agreement", message);
            case DspCallbackMessage.Finalized:
                message["@type"] = "ContractNegotiationEventMessage";
                message["eventType"] = "FINALIZED";
                return ("events", message);
            default:
                message["@type"] = "ContractNegotiationTerminationMessage";
                message["code"] = n.TerminationReason ?? "other";
                message["reason"] = new JsonArray($"Terminated by the {n.History[^1].By}: {n.TerminationReason ?? "other"}.");
                return ("termination", message);
        }
    }

    /// <summary>
    /// The message a connector is owed for the move its negotiation just made: the provider's offer, the agreement,
    /// FINALIZED, or a termination by anyone but the connector itself (<paramref name="byParticipant"/>, the acting
    /// caller's participant id: the provider, the platform, or a person of the buyer's organisation); null for any other
    /// move and for a negotiation no connector requested.
    /// </summary>
    public static DspCallbackMessage? Owed(Negotiation n, string? byParticipant) => n.DspConsumerPid is null ? null : n.State switch
    {
        NegotiationState.Offered => DspCallbackMessage.Offer,
        NegotiationState.Agreed => DspCallbackMessage.Agreement,
        NegotiationState.Finalized => DspCallbackMessage.Finalized,
        NegotiationState.Terminated when !(n.History[^1].By == "buyer" && n.IsConnector(byParticipant)) => DspCallbackMessage.Termination,
        _ => null,
    };

    /// <summary>The provider's process id of a negotiation: its id, as the REST API names it too.</summary>
    public static string ProviderPid(Guid negotiation) => negotiation.ToString();
}

/// <summary>The connector that requested a negotiation through the Dataspace Protocol: its participant id, process id and callback address.</summary>
public sealed record DspPeer(string ParticipantId, string ConsumerPid, string CallbackAddress);
