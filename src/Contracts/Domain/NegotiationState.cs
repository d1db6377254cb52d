namespace Marketplace.Contracts.Domain;

/// <summary>The Dataspace Protocol's contract negotiation states (Eclipse EDC, Catena-X); the last two are final.</summary>
public enum NegotiationState
{
    Requested,
    Offered,
    Accepted,
    Agreed,
    Verified,
    Finalized,
    Terminated,
}
