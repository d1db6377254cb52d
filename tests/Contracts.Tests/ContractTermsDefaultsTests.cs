using Marketplace.Contracts.Negotiations;

namespace Marketplace.Contracts.Tests;

/// <summary>The standard terms a proposal fills in, and how they move when the price does.</summary>
[Trait("Speed", "Fast")]
public sealed class ContractTermsDefaultsTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Fact]
    public void A_liability_cap_nobody_set_follows_the_price_and_one_set_apart_from_it_stays()
    {
        var requested = ProposedTerms.Resolve(new ContractTermsRequest(Purposes: ["research"], DurationMonths: 12), null, 11_000_000m, Today);
        Assert.Equal(11_000_000m, requested.LiabilityCapKrw);

        var countered = ProposedTerms.Resolve(null, requested, 15_000_000m, Today, currentPrice: 11_000_000m);
        Assert.Equal(15_000_000m, countered.LiabilityCapKrw);

        var capped = ProposedTerms.Resolve(new ContractTermsRequest(LiabilityCapKrw: 5_000_000m), countered, 15_000_000m, Today, currentPrice: 15_000_000m);
        var repriced = ProposedTerms.Resolve(null, capped, 18_000_000m, Today, currentPrice: 15_000_000m);
        Assert.Equal(5_000_000m, repriced.LiabilityCapKrw);
    }
}
