using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Marketplace.BuildingBlocks.Hosting;

namespace Marketplace.EndToEnd.Console;

/// <summary>
/// Standard terms in the console, in Korean: a provider publishes terms for its dataset that the platform agrees to on
/// its behalf; a buyer requests them from the dataset's page and lands on a negotiation already agreed, its turn to
/// verify; the provider withdraws the terms. A buyer's connector requests terms that do not agree automatically (over the
/// Dataspace Protocol): the provider agrees to the request as it is, and the buyer's people, whose steps the connector
/// takes, may only end it — the connector is told. Every page passes axe-core.
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

    [Fact]
    public async Task A_connectors_request_is_agreed_by_the_provider_as_it_is_and_the_buyers_people_may_end_it_and_the_connector_is_told()
    {
        using var buyerApi = await Tokens.DemoAsync(fixture.BaseAddress, "demo-buyer-a");
        using var providerApi = await Tokens.DemoAsync(fixture.BaseAddress, "demo-provider-x");
        await using var setup = await DspSetup.StartAsync(providerApi, buyerApi, DemoOrganisations.BuyerA);
        await setup.PublishOfferAsync(autoAgree: false);
        var (consumer, callbacks) = (setup.Consumer, setup.Callbacks);
        var consumerPid = $"urn:uuid:{Guid.NewGuid()}";
        var requested = await consumer.RequestNegotiationAsync(setup.Dsp, (await setup.ListedOfferAsync()).GetProperty("@id").GetString()!,
            consumerPid, callbacks.BaseAddress);
        Assert.Equal(HttpStatusCode.Created, requested.Status);
        var negotiation = $"/negotiations/{requested.Compacted.GetProperty("providerPid").GetString()}";

        IPage? provider = null, buyer = null;
        await ConsoleBrowser.KeepPagesOnFailureAsync(async () =>
        {
            // The provider reads the agreement the request would make and agrees to it as it is, without offering first.
            provider = await OpenSignedInAsync("demo-provider-x");
            await provider.GotoAsync(negotiation);
            await Assertions.Expect(provider.Locator("#state")).ToHaveAttributeAsync("data-state", "REQUESTED");
            await Assertions.Expect(provider.Locator("#connector")).ToContainTextAsync("커넥터");
            await Assertions.Expect(provider.Locator("pre.agreement[lang=ko]")).ToContainTextAsync("데이터 제공 계약서");
            await ConsoleBrowser.AssertAccessibleAsync(provider);
            await provider.GetByLabel("위 계약서를 읽었고 이 내용에 동의합니다").CheckAsync();
            await provider.GetByRole(AriaRole.Button, new() { Name = "동의하고 서명" }).ClickAsync();
            await Assertions.Expect(provider.Locator("#state")).ToHaveAttributeAsync("data-state", "AGREED");
            DspConsumer.Callback(await callbacks.MessageAsync($"/negotiations/{consumerPid}/agreement", DspSetup.CallbackWait), "negotiation/contract-agreement-message-schema.json");

            // The buyer's people see that their connector negotiates: no signature of theirs to give, but they may end it.
            buyer = await OpenSignedInAsync("demo-buyer-a");
            await buyer.GotoAsync(negotiation);
            await Assertions.Expect(buyer.Locator("#state")).ToHaveAttributeAsync("data-state", "AGREED");
            await Assertions.Expect(buyer.Locator("#connector")).ToContainTextAsync("커넥터");
            await Assertions.Expect(buyer.GetByRole(AriaRole.Button, new() { Name = "확인하고 서명" })).ToHaveCountAsync(0);
            await ConsoleBrowser.AssertAccessibleAsync(buyer);
            await buyer.Locator("details.terminate summary").ClickAsync();
            await buyer.Locator("#terminate-reason").SelectOptionAsync("no-longer-needed");
            await buyer.GetByRole(AriaRole.Button, new() { Name = "협상 종료" }).ClickAsync();
            await Assertions.Expect(buyer.Locator("#state")).ToHaveAttributeAsync("data-state", "TERMINATED");
            var told = DspConsumer.Callback(await callbacks.MessageAsync($"/negotiations/{consumerPid}/termination", DspSetup.CallbackWait),
                "negotiation/contract-negotiation-termination-message-schema.json");
            Assert.Equal("no-longer-needed", told.GetProperty("code").GetString());
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
