using Marketplace.Contracts.Domain;

namespace Marketplace.Contracts.Tests;

/// <summary>Negotiations driven through the domain to each state, for the rule tests.</summary>
internal static class DomainFixtures
{
    public static readonly Guid Provider = Guid.NewGuid();
    public static readonly Guid Buyer = Guid.NewGuid();
    public static readonly DateTime Start = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);
    public static readonly TimeSpan Period = TimeSpan.FromDays(14);

    public static readonly ContractTerms Terms = new(
        ["research"], "Quality research", DateOnly.FromDateTime(Start), 12, ["KR"], "never", false, ["access-control"], 30, 1_000_000m, false,
        "korean-commercial-arbitration-board");

    public static readonly PriceCheck Check = new(Guid.NewGuid(), 1, 5_000_000m, 1_000_000m, 700_000m, 1_500_000m, "research");

    public static DatasetCopy Dataset() => new()
    {
        DatasetId = Guid.NewGuid(),
        Version = 1,
        ProviderOrganisationId = Provider,
        Facts = Marketplace.TestSupport.Facts.PublicDataset,
        Listed = true,
    };

    /// <summary>A negotiation in <paramref name="state"/>, reached by the shortest legal path.</summary>
    public static Negotiation In(NegotiationState state, DateTime? at = null)
    {
        var now = at ?? Start;
        var n = Negotiation.Request(Dataset(), Buyer, false, "buyer-user", Terms, 1_000_000m, Check, now, Period);
        var path = new[] { NegotiationState.Offered, NegotiationState.Accepted, NegotiationState.Agreed, NegotiationState.Verified, NegotiationState.Finalized };
        if (state == NegotiationState.Terminated)
        {
            n.Terminate(Party.Buyer, "buyer-user", "no-longer-needed", now);
            return n;
        }

        foreach (var next in path.TakeWhile(s => s <= state))
        {
            Apply(n, next switch
            {
                NegotiationState.Offered => NegotiationAction.Offer,
                NegotiationState.Accepted => NegotiationAction.Accept,
                NegotiationState.Agreed => NegotiationAction.Agree,
                NegotiationState.Verified => NegotiationAction.Verify,
                _ => NegotiationAction.Finalize,
            }, next is NegotiationState.Offered or NegotiationState.Agreed ? Party.Provider : Party.Buyer, now);
        }

        return n;
    }

    public static void Apply(Negotiation n, NegotiationAction action, Party by, DateTime now)
    {
        switch (action)
        {
            case NegotiationAction.Offer: n.Offer(by, "user", Terms, 1_100_000m, Check, now, Period); break;
            case NegotiationAction.Counter: n.Counter(by, "user", Terms, 900_000m, Check, now, Period); break;
            case NegotiationAction.Accept: n.Accept(by, "user", now, Period); break;
            case NegotiationAction.Agree: n.Agree(by, "user", Guid.NewGuid(), new string('a', 64), now, Period); break;
            case NegotiationAction.Verify: n.Verify(by, "user", now, Period); break;
            case NegotiationAction.Finalize: n.Finalize(by, "user", now); break;
            default: n.Terminate(by, "user", "other", now); break;
        }
    }
}
