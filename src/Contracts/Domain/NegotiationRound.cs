namespace Marketplace.Contracts.Domain;

/// <summary>One proposal of a negotiation (the request, each offer, each counter), kept for good.</summary>
public sealed record NegotiationRound(int Number, string Party, string Subject, ContractTerms Terms, decimal PriceKrw, PriceCheck Check, DateTime At);
