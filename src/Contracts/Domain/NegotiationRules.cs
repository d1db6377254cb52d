namespace Marketplace.Contracts.Domain;

/// <summary>Which action each state allows, and whose turn it is: the whole DSP state machine in one table.</summary>
public static class NegotiationRules
{
    /// <summary>Null party: either side may ask (the platform finalizes; either side may terminate).</summary>
    private static readonly Dictionary<NegotiationAction, (NegotiationState[] From, Party? By, NegotiationState To)> Transitions = new()
    {
        [NegotiationAction.Offer] = ([NegotiationState.Requested], Party.Provider, NegotiationState.Offered),
        [NegotiationAction.Counter] = ([NegotiationState.Offered], Party.Buyer, NegotiationState.Requested),
        [NegotiationAction.Accept] = ([NegotiationState.Offered], Party.Buyer, NegotiationState.Accepted),
        // The provider agrees to an offer the buyer accepted, or straight to the buyer's request, as the Dataspace Protocol allows.
        [NegotiationAction.Agree] = ([NegotiationState.Requested, NegotiationState.Accepted], Party.Provider, NegotiationState.Agreed),
        [NegotiationAction.Verify] = ([NegotiationState.Agreed], Party.Buyer, NegotiationState.Verified),
        [NegotiationAction.Finalize] = ([NegotiationState.Verified], null, NegotiationState.Finalized),
        [NegotiationAction.Terminate] = (
            [NegotiationState.Requested, NegotiationState.Offered, NegotiationState.Accepted, NegotiationState.Agreed, NegotiationState.Verified],
            null, NegotiationState.Terminated),
    };

    public static bool IsFinal(NegotiationState state) => state is NegotiationState.Finalized or NegotiationState.Terminated;

    public static bool Allows(NegotiationState state, NegotiationAction action, Party by) =>
        Transitions[action] is var t && t.From.Contains(state) && (t.By is null || t.By == by);

    public static bool AllowsIn(NegotiationState state, NegotiationAction action) => Transitions[action].From.Contains(state);

    public static NegotiationState Target(NegotiationAction action) => Transitions[action].To;

    /// <summary>Who is expected to act next: the provider on a request, the buyer on an offer, and so on; null when the platform or nobody is.</summary>
    public static Party? TurnIn(NegotiationState state) => state switch
    {
        NegotiationState.Requested or NegotiationState.Accepted => Party.Provider,
        NegotiationState.Offered or NegotiationState.Agreed => Party.Buyer,
        _ => null,
    };

    /// <summary>A state from its wire name in any case; null for anything else (numbers included).</summary>
    public static NegotiationState? Parse(string name) =>
        Enum.GetValues<NegotiationState>().Select(s => (NegotiationState?)s).FirstOrDefault(s => Name(s!.Value).Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The wire name, as the Dataspace Protocol spells it.</summary>
    public static string Name(NegotiationState state) => state.ToString().ToUpperInvariant();
}
