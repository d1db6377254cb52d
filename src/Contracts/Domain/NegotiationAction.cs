namespace Marketplace.Contracts.Domain;

/// <summary>What a party can do to an open negotiation (opening one is a request, not an action on it).</summary>
public enum NegotiationAction
{
    /// <summary>The buyer answers an offer with other terms or another price (back to REQUESTED).</summary>
    Counter,
    Offer,
    Accept,
    Agree,
    Verify,
    Finalize,
    Terminate,
}
