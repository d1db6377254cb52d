using System.Text.Json;
using Marketplace.BuildingBlocks.Hosting;

namespace Marketplace.Contracts.Tests;

/// <summary>
/// A connector that stays away: its messages are retried until the give-up period (24 hours by default, seconds here),
/// then abandoned with an error in the log, and its open negotiation is terminated by the platform.
/// </summary>
public sealed class DspGiveUpTests(DspGiveUpTests.ImpatientMarketplace market) : IClassFixture<DspGiveUpTests.ImpatientMarketplace>
{
    /// <summary>The all-in-one marketplace giving up on a connector after six seconds, retrying every second meanwhile.</summary>
    public sealed class ImpatientMarketplace : AllInOneMarketplace
    {
        protected override IReadOnlyDictionary<string, string> Configuration() => new Dictionary<string, string>
        {
            ["Marketplace:Contracts:CallbackGiveUpAfter"] = "00:00:06",
            ["Marketplace:Contracts:CallbackLongestRetry"] = "00:00:01",
        };
    }

    [Fact]
    public async Task A_connector_unreachable_past_the_give_up_period_has_its_open_negotiation_terminated_by_the_platform()
    {
        using var buyer = await Tokens.DemoAsync(market.BaseAddress, "demo-buyer-a");
        using var provider = await Tokens.DemoAsync(market.BaseAddress, "demo-provider-x");
        await using var setup = await DspSetup.StartAsync(provider, buyer, DemoOrganisations.BuyerA);
        var callbacks = setup.Callbacks;
        callbacks.Down = true;
        var offer = await setup.PublishOfferAsync(autoAgree: false);
        var requested = await setup.Consumer.RequestNegotiationAsync(setup.Dsp, $"{market.BaseAddress}api/contracts/standard-offers/{offer}",
            $"urn:uuid:{Guid.NewGuid()}", callbacks.BaseAddress);
        var id = Guid.Parse(requested.Compacted.GetProperty("providerPid").GetString()!);

        // The provider offers; the connector never takes the offer message. Retried, then given up: the negotiation ends.
        await NegotiationClient.ActOkAsync(provider, id, "offer");
        var ended = JsonDocument.Parse(await Eventually.GetAsync(async () =>
            await buyer.GetStringAsync($"/api/contracts/negotiations/{id}") is var n && n.Contains("\"state\":\"TERMINATED\"", StringComparison.Ordinal) ? n : null,
            TimeSpan.FromSeconds(60), "the platform to terminate the negotiation")).RootElement;
        Assert.Equal(("connector-unreachable", "platform"), (ended.GetProperty("terminationReason").GetString(),
            ended.GetProperty("history").EnumerateArray().Last().GetProperty("by").GetString()));
        Assert.True(callbacks.Refused >= 3, $"{callbacks.Refused} deliveries tried");
        Assert.Contains(market.Host.Output.Split('\n'), l => l.Contains($"negotiation {id}", StringComparison.Ordinal) && l.Contains("abandoned", StringComparison.Ordinal));
    }
}
