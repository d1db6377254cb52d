namespace Marketplace.Contracts.Domain;

/// <summary>One transition, for the audit trail: who (organisation side and signed-in subject) did what, when, from which state.</summary>
public sealed record NegotiationEvent(DateTime At, string Action, string By, string Subject, string From, string To, string? Reason);
