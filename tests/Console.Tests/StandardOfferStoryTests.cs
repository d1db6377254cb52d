using System.Globalization;
using System.Text.RegularExpressions;

namespace Marketplace.EndToEnd.Console;

/// <summary>
/// Standard terms in the console, in Korean: a provider publishes terms for its dataset that the platform agrees to on
/// its behalf; a buyer requests them from the dataset's page and lands on a negotiation already agreed, its turn to
/// verify; the provider withdraws the terms. Every page passes axe-core.
/// </summary>
[Collection(TradingConsole.Name)]
public sealed class StandardOfferStoryTests(ConsoleMarketplace fixture)
{
    [Fact]
    public async Task A_provider_publishes_standard_terms_a_buyer_requests_them_and_the_platform_agrees_at_once()
    {
        using var buyerApi = await Tokens.DemoAsync(fixture.BaseAddress, "demo-buyer-a");
        IPage? provider = null, buyer = null;
        await ConsoleBrowser.KeepPagesOnFailureAsync(async () =>
        {
            provider = await OpenSignedInAsync("demo-provider-x");
            await Listing.PublishAsync(provider, "프레스 금형 온도 데이터", "프레스 금형 온도를 10초 간격으로 기록한 데이터");
            var dataset = Guid.Parse(new Regex("/provider/datasets/([0-9a-f-]{36})").Match(provider.Url).Groups[1].Value);
            var price = await NegotiationClient.ReferencePriceAsync(buyerApi, dataset, NegotiationClient.Terms("research", 12));

            // The provider's page offers the form once Contracts has the dataset (it learns of it from Catalog's events).
            await provider.ReloadAsync();
            await provider.Locator("#offer-price").FillAsync(price.ToString(CultureInfo.InvariantCulture));
            await provider.Locator("#offer-auto-agree").CheckAsync();
            await provider.GetByRole(AriaRole.Button, new() { Name = "표준 조건 등록" }).ClickAsync();
            await Assertions.Expect(provider.Locator("p.notice")).ToHaveTextAsync("표준 조건을 등록했습니다.");
            await Assertions.Expect(provider.Locator("table.standard-offers tbody tr")).ToHaveCountAsync(1);
            await ConsoleBrowser.AssertAccessibleAsync(provider);

            // The buyer requests them as they are from the dataset's page: agreed at once, the buyer's turn to verify.
            buyer = await OpenSignedInAsync("demo-buyer-a");
            await buyer.GotoAsync($"/datasets/{dataset}");
            await Assertions.Expect(buyer.Locator("table.standard-offers tbody tr")).ToHaveCountAsync(1);
            await ConsoleBrowser.AssertAccessibleAsync(buyer);
            await buyer.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^이 조건으로 요청") }).ClickAsync();
            await Assertions.Expect(buyer).ToHaveURLAsync(new Regex("/negotiations/[0-9a-f-]{36}$"));
            await Assertions.Expect(buyer.Locator("#state")).ToHaveAttributeAsync("data-state", "AGREED");
            await ConsoleBrowser.AssertAccessibleAsync(buyer);

            // The provider takes the terms off the list.
            await provider.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^내리기") }).ClickAsync();
            await Assertions.Expect(provider.Locator("p.notice")).ToHaveTextAsync("표준 조건을 내렸습니다.");
            await Assertions.Expect(provider.Locator("table.standard-offers")).ToHaveCountAsync(0);
        }, () => provider, () => buyer);
    }

    private async Task<IPage> OpenSignedInAsync(string clientId)
    {
        var page = await fixture.OpenAsync();
        await page.GotoAsync("/");
        var (email, password) = SignIn.Demo(clientId);
        await SignIn.AsAsync(page, email, password);
        return page;
    }
}
