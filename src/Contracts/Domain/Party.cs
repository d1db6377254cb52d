namespace Marketplace.Contracts.Domain;

/// <summary>A side of a negotiation.</summary>
public enum Party
{
    Buyer,
    Provider,
}
