using Marketplace.BuildingBlocks.Errors;
using Marketplace.Pricing.Domain;
using Marketplace.Pricing.Infrastructure;

namespace Marketplace.Pricing.Tests;

[Trait("Speed", "Fast")]
public sealed class PricingRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Bad_baselines_are_refused_naming_the_field()
    {
        Assert.Contains("basePrice", Assert.Throws<ValidationException>(() =>
            Baseline.Draft(null, null, -1m, PricingSeeder.DemoFactors(), "t", Now)).Errors.Keys);
        Assert.Contains("factors.floorPercent", Assert.Throws<ValidationException>(() =>
            Baseline.Draft(null, null, 1m, PricingSeeder.DemoFactors() with { FloorPercent = 100m, CeilingPercent = 100m - 1m }, "t", Now)).Errors.Keys);
        Assert.Contains("processStage", Assert.Throws<ValidationException>(() =>
            Baseline.Draft("painting", "image-video", 1m, PricingSeeder.DemoFactors(), "t", Now)).Errors.Keys);
        Assert.Contains("dataType", Assert.Throws<ValidationException>(() =>
            Baseline.Draft("quality", null, 1m, PricingSeeder.DemoFactors(), "t", Now)).Errors.Keys);
        Assert.Contains("factors.volumeTiers", Assert.Throws<ValidationException>(() =>
            Baseline.Draft(null, null, 1m, PricingSeeder.DemoFactors() with { VolumeTiers = [new(10, 1m), new(5, 2m)] }, "t", Now)).Errors.Keys);
        var missingPurpose = PricingSeeder.DemoFactors();
        missingPurpose.PurposeMultipliers.Remove("research");
        Assert.Contains("factors.purposeMultipliers", Assert.Throws<ValidationException>(() =>
            Baseline.Draft(null, null, 1m, missingPurpose, "t", Now)).Errors.Keys);
    }

    [Fact]
    public void A_published_version_never_changes()
    {
        var baseline = Baseline.Draft("quality", "image-video", 1_000m, PricingSeeder.DemoFactors(), "t", Now);
        baseline.Revise(2_000m, PricingSeeder.DemoFactors());
        baseline.Publish(3, Now, "admin", Now);

        Assert.Throws<ConflictException>(() => baseline.Revise(3_000m, PricingSeeder.DemoFactors()));
        Assert.Throws<ConflictException>(() => baseline.Publish(4, Now, "admin", Now));
        Assert.Equal((3, 2_000m), (baseline.Version, baseline.BasePrice));
        Assert.Throws<RuleViolationException>(() => Baseline.Draft(null, null, 1m, PricingSeeder.DemoFactors(), "t", Now).Publish(1, Now.AddHours(-1), "a", Now));
    }

    [Fact]
    public void A_voucher_pays_its_percentage_up_to_the_cap_and_never_beyond_the_budget()
    {
        var sme = Guid.NewGuid();
        var named = Guid.NewGuid();
        var programme = VoucherProgramme.Create("v", forSmes: true, [named], 50m, capPerAgreement: 3_000_000m, budget: 5_000_000m, Now, Now.AddDays(30), "a", Now);

        Assert.True(programme.Covers(sme, buyerIsSme: true, Now));
        Assert.True(programme.Covers(named, buyerIsSme: false, Now));
        Assert.False(programme.Covers(Guid.NewGuid(), buyerIsSme: false, Now));
        Assert.False(programme.Covers(sme, buyerIsSme: true, Now.AddDays(30)));

        Assert.Equal(1_000_001m, programme.SubsidyFor(2_000_001m)); // 50 % of 2,000,001 = 1,000,000.5 → whole won
        Assert.Equal(3_000_000m, programme.Reserve(Guid.NewGuid(), sme, 10_000_000m, Now).AmountKrw); // capped
        Assert.Equal(2_000_000m, programme.Reserve(Guid.NewGuid(), sme, 10_000_000m, Now).AmountKrw); // what is left
        Assert.Equal(0m, programme.SubsidyFor(10_000_000m));
        Assert.Equal(0m, programme.RemainingKrw);
    }

    [Fact]
    public void One_agreement_draws_on_the_single_programme_that_pays_the_buyer_most_and_never_beyond_the_price()
    {
        var buyer = Guid.NewGuid();
        var half = VoucherProgramme.Create("half", forSmes: true, [], 50m, capPerAgreement: 10_000_000m, budget: 100_000_000m, Now, Now.AddDays(30), "a", Now);
        var whole = VoucherProgramme.Create("whole", forSmes: false, [buyer], 100m, capPerAgreement: 10_000_000m, budget: 100_000_000m, Now, Now.AddDays(30), "a", Now);
        var elsewhere = VoucherProgramme.Create("other", forSmes: false, [Guid.NewGuid()], 100m, 10_000_000m, 100_000_000m, Now, Now.AddDays(30), "a", Now);

        Assert.Same(whole, VoucherProgramme.BestFor([half, whole, elsewhere], buyer, buyerIsSme: true, Now, 5_600_000m));
        Assert.Equal(5_600_000m, whole.SubsidyFor(5_600_000m));
        Assert.Same(half, VoucherProgramme.BestFor([half, elsewhere], buyer, buyerIsSme: true, Now, 5_600_000m));
        Assert.Null(VoucherProgramme.BestFor([elsewhere], buyer, buyerIsSme: true, Now, 5_600_000m));
    }

    [Fact]
    public void Statistics_show_only_categories_with_five_agreements_and_hint_when_most_sit_at_an_edge()
    {
        var now = Now;
        AgreementRecord Deal(string stage, decimal price, bool floor = false, bool ceiling = false) =>
            new(Guid.NewGuid(), stage, "image-video", price, floor, ceiling, now);
        var deals = new[]
        {
            Deal("quality", 100m, floor: true), Deal("quality", 200m, floor: true), Deal("quality", 300m, ceiling: true),
            Deal("quality", 400m), Deal("quality", 500m),
            Deal("design", 1m), Deal("design", 2m), Deal("design", 3m), Deal("design", 4m),
        };

        var quality = Assert.Single(MarketStatistics.Of(deals));
        Assert.Equal(("quality", 5, 200m, 300m, 400m), (quality.ProcessStage, quality.Agreements, quality.LowerQuartile, quality.Median, quality.UpperQuartile));
        Assert.Equal((0.4m, 0.2m), (quality.ShareAtFloor, quality.ShareAtCeiling));
        Assert.True(quality.RecalibrationHint);
        Assert.Equal(2.5m, MarketStatistics.Quantile([1m, 2m, 3m, 4m], 0.5m));
    }
}
