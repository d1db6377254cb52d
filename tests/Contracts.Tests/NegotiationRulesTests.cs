using Marketplace.BuildingBlocks.Errors;
using Marketplace.Contracts.Domain;

namespace Marketplace.Contracts.Tests;

/// <summary>The state machine itself: every state × every action × both parties.</summary>
[Trait("Speed", "Fast")]
public sealed class NegotiationRulesTests
{
    /// <summary>The DSP transitions, written out by hand: (state, action, party) → next state; everything else is refused.</summary>
    private static readonly Dictionary<(NegotiationState, NegotiationAction, Party), NegotiationState> Allowed = new()
    {
        [(NegotiationState.Requested, NegotiationAction.Offer, Party.Provider)] = NegotiationState.Offered,
        [(NegotiationState.Offered, NegotiationAction.Counter, Party.Buyer)] = NegotiationState.Requested,
        [(NegotiationState.Offered, NegotiationAction.Accept, Party.Buyer)] = NegotiationState.Accepted,
        [(NegotiationState.Requested, NegotiationAction.Agree, Party.Provider)] = NegotiationState.Agreed,
        [(NegotiationState.Accepted, NegotiationAction.Agree, Party.Provider)] = NegotiationState.Agreed,
        [(NegotiationState.Agreed, NegotiationAction.Verify, Party.Buyer)] = NegotiationState.Verified,
        [(NegotiationState.Verified, NegotiationAction.Finalize, Party.Buyer)] = NegotiationState.Finalized,
        [(NegotiationState.Verified, NegotiationAction.Finalize, Party.Provider)] = NegotiationState.Finalized,
    };

    public static IEnumerable<object[]> Every() =>
        from state in Enum.GetValues<NegotiationState>()
        from action in Enum.GetValues<NegotiationAction>()
        from party in Enum.GetValues<Party>()
        select new object[] { state, action, party };

    [Theory]
    [MemberData(nameof(Every))]
    public void Allowed_transitions_succeed_and_every_other_is_a_conflict_that_changes_nothing(NegotiationState state, NegotiationAction action, Party party)
    {
        var n = DomainFixtures.In(state);
        Assert.Equal(state, n.State);
        var expected = action == NegotiationAction.Terminate && !NegotiationRules.IsFinal(state)
            ? NegotiationState.Terminated
            : Allowed.GetValueOrDefault((state, action, party), (NegotiationState)(-1));
        var revision = n.Revision;
        var rounds = n.Rounds.Count;
        var price = n.PriceKrw;

        if ((int)expected >= 0)
        {
            DomainFixtures.Apply(n, action, party, DomainFixtures.Start.AddHours(1));
            Assert.Equal(expected, n.State);
            Assert.Equal(revision + 1, n.Revision);
            Assert.Equal(NegotiationRules.Name(expected), n.History[^1].To);
        }
        else
        {
            var conflict = Assert.Throws<ConflictException>(() => DomainFixtures.Apply(n, action, party, DomainFixtures.Start.AddHours(1)));
            Assert.Equal(NegotiationRules.Name(state), conflict.Details["state"]);
            Assert.Equal((state, revision, rounds, price), (n.State, n.Revision, n.Rounds.Count, n.PriceKrw));
        }
    }

    [Fact]
    public void Every_round_and_transition_is_kept()
    {
        var n = DomainFixtures.In(NegotiationState.Offered);
        DomainFixtures.Apply(n, NegotiationAction.Counter, Party.Buyer, DomainFixtures.Start.AddHours(1));
        DomainFixtures.Apply(n, NegotiationAction.Offer, Party.Provider, DomainFixtures.Start.AddHours(2));

        Assert.Equal([1_000_000m, 1_100_000m, 900_000m, 1_100_000m], n.Rounds.Select(r => r.PriceKrw));
        Assert.Equal(["buyer", "provider", "buyer", "provider"], n.Rounds.Select(r => r.Party));
        Assert.Equal(["request", "offer", "counter", "offer"], n.History.Select(h => h.Action));
        Assert.Equal(["REQUESTED", "OFFERED", "REQUESTED", "OFFERED"], n.History.Select(h => h.To));
    }

    [Fact]
    public void An_unanswered_request_expires_after_the_response_period_and_not_before()
    {
        var n = DomainFixtures.In(NegotiationState.Requested);
        Assert.Equal(DomainFixtures.Start + DomainFixtures.Period, n.DueAt);

        Assert.False(n.ExpireIfDue(DomainFixtures.Start + DomainFixtures.Period - TimeSpan.FromSeconds(1)));
        Assert.True(n.ExpireIfDue(DomainFixtures.Start + DomainFixtures.Period));
        Assert.Equal((NegotiationState.Terminated, "expired", null), (n.State, n.TerminationReason, n.DueAt));
        Assert.Equal("platform", n.History[^1].By);
    }

    [Fact]
    public void Final_negotiations_have_no_deadline()
    {
        Assert.Null(DomainFixtures.In(NegotiationState.Finalized).DueAt);
        Assert.Null(DomainFixtures.In(NegotiationState.Terminated).DueAt);
        Assert.False(DomainFixtures.In(NegotiationState.Finalized).ExpireIfDue(DateTime.MaxValue));
    }
}
