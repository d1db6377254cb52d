using Marketplace.BuildingBlocks.Errors;
using Marketplace.Contracts.Domain;

namespace Marketplace.Contracts.Tests;

/// <summary>An agreement's own life: signing by hash, its end, early termination.</summary>
[Trait("Speed", "Fast")]
public sealed class AgreementTests
{
    private static Agreement Finalized()
    {
        var n = DomainFixtures.In(NegotiationState.Verified);
        var agreement = SignedByProvider(n);
        agreement.SignByBuyer(new Signature(DomainFixtures.Buyer, "buyer-user", DomainFixtures.Start), new string('A', 64));
        agreement.Finalize("receipt", DomainFixtures.Start);
        return agreement;
    }

    private static Agreement SignedByProvider(Negotiation n)
    {
        var agreement = Agreement.Draft(Agreement.IdFor(n), n, "{}", new string('a', 64));
        agreement.SignByProvider(new Signature(DomainFixtures.Provider, "provider-user", DomainFixtures.Start), readHash: null);
        return agreement;
    }

    [Fact]
    public void Its_id_is_known_before_signing_one_per_negotiation_and_ordered_by_the_negotiation_s_start()
    {
        var n = DomainFixtures.In(NegotiationState.Accepted);
        var other = DomainFixtures.In(NegotiationState.Accepted);
        var id = Agreement.IdFor(n);

        Assert.Equal(id, Agreement.IdFor(n));
        Assert.NotEqual(id, Agreement.IdFor(other));
        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);
        var millis = long.Parse(id.ToString("N")[..12], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new DateTimeOffset(DateTime.SpecifyKind(n.CreatedAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds(), millis);
    }

    [Fact]
    public void It_is_in_force_from_its_start_for_its_months_and_then_reads_as_expired()
    {
        var agreement = Finalized();
        Assert.Equal(DomainFixtures.Start.Date, agreement.StartsAt);
        Assert.Equal(DomainFixtures.Start.Date.AddMonths(12), agreement.EndsAt);

        Assert.True(agreement.IsInForce(agreement.EndsAt.AddTicks(-1)));
        Assert.Equal("FINALIZED", agreement.StatusAt(agreement.EndsAt.AddTicks(-1)));
        Assert.False(agreement.IsInForce(agreement.EndsAt));
        Assert.Equal("EXPIRED", agreement.StatusAt(agreement.EndsAt));
    }

    [Fact]
    public void An_ended_agreement_cannot_be_terminated_and_a_terminated_one_not_twice()
    {
        var ended = Finalized();
        Assert.Equal("EXPIRED", Assert.Throws<ConflictException>(() => ended.Terminate("buyer", "other", ended.EndsAt)).Details["status"]);

        var agreement = Finalized();
        agreement.Terminate("provider", "breach-of-terms", DomainFixtures.Start.AddDays(1));
        Assert.Equal(("TERMINATED", false), (agreement.StatusAt(DomainFixtures.Start.AddDays(2)), agreement.IsInForce(DomainFixtures.Start.AddDays(2))));
        Assert.Throws<ConflictException>(() => agreement.Terminate("buyer", "other", DomainFixtures.Start.AddDays(2)));
    }

    [Fact]
    public void The_buyer_signs_only_the_hash_the_provider_signed()
    {
        var n = DomainFixtures.In(NegotiationState.Verified);
        var agreement = SignedByProvider(n);

        var refused = Assert.Throws<ConflictException>(() => agreement.SignByBuyer(new Signature(DomainFixtures.Buyer, "buyer-user", DomainFixtures.Start), new string('b', 64)));
        Assert.Equal(new string('a', 64), refused.Details["agreementHash"]);
        Assert.Null(agreement.BuyerSignature);
    }
}
