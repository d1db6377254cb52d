namespace Marketplace.EndToEnd.Console;

/// <summary>After the story: a buyer renews an agreement in force, ends the renewal's negotiation, and ends the agreement.</summary>
[Collection(TradingConsole.Name)]
public sealed class AgreementLifeTests(ConsoleMarketplace fixture)
{
    [Fact]
    public async Task A_buyer_requests_a_renewal_ends_that_negotiation_and_ends_the_agreement()
    {
        // A finalized agreement, reached through the API as the providers' and buyers' systems would.
        var address = fixture.BaseAddress;
        using var buyerApi = await Tokens.DemoAsync(address, "demo-buyer-b");
        using var providerApi = await Tokens.DemoAsync(address, "demo-provider-x");
        var dataset = await fixture.Marketplace.DemoDatasetAsync("q=%EC%82%AC%EC%B6%9C");
        var price = await NegotiationClient.ReferencePriceAsync(buyerApi, dataset);
        var finalized = await NegotiationClient.DriveAsync(buyerApi, providerApi, dataset, price, "FINALIZED");
        var agreement = finalized.GetProperty("agreementId").GetString();

        IPage? buyer = null;
        await ConsoleBrowser.KeepPagesOnFailureAsync(async () =>
        {
            buyer = await fixture.OpenAsync();
            await buyer.GotoAsync("/");
            var (email, password) = SignIn.Demo("demo-buyer-b");
            await SignIn.AsAsync(buyer, email, password);

            await buyer.GotoAsync($"/agreements/{agreement}");
            await Assertions.Expect(buyer.Locator("#agreement-status")).ToHaveTextAsync("체결됨");
            await buyer.GetByRole(AriaRole.Button, new() { Name = "같은 조건으로 갱신 요청" }).ClickAsync();
            await Assertions.Expect(buyer.Locator("#state")).ToHaveAttributeAsync("data-state", "REQUESTED");
            await buyer.Locator("details.terminate summary").ClickAsync();
            await buyer.Locator("#terminate-reason").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await buyer.Locator("details.terminate button[type=submit]").ClickAsync();
            await Assertions.Expect(buyer.Locator("#state")).ToHaveAttributeAsync("data-state", "TERMINATED");

            await buyer.GotoAsync($"/agreements/{agreement}");
            await buyer.Locator("details.terminate summary").ClickAsync();
            await buyer.Locator("#terminate-reason").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await buyer.Locator("details.terminate button[type=submit]").ClickAsync();
            await Assertions.Expect(buyer.Locator("#agreement-status")).ToHaveTextAsync("종료됨");
            await ConsoleBrowser.AssertAccessibleAsync(buyer);
        }, () => buyer);
    }
}
