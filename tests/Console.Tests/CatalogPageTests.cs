using System.Text.RegularExpressions;

namespace Marketplace.EndToEnd.Console;

/// <summary>The public catalog as a visitor uses it: search in Korean, filter, open a dataset, switch to English.</summary>
[Collection(TradingConsole.Name)]
public sealed class CatalogPageTests(ConsoleMarketplace fixture)
{
    [Fact]
    public async Task A_partial_korean_word_finds_the_injection_moulding_dataset_and_its_page_shows_what_a_buyer_needs()
    {
        var page = await fixture.OpenAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ko");
        // The style sheet and the scripts arrived (static web assets from the build output, as README's command runs it).
        Assert.Equal("flex", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('header.top')).display"));
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.Blazor === 'object'"), "blazor.web.js did not load");
        await ConsoleBrowser.AssertAccessibleAsync(page);

        await page.GetByLabel("검색어").FillAsync("사출");
        await page.GetByRole(AriaRole.Button, new() { Name = "검색", Exact = true }).ClickAsync();
        // The demo dataset (other tests on this marketplace list more injection moulding data).
        var hit = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"사출성형기 금형 온도·압력 센서 데이터 \(1공장") });
        await Assertions.Expect(hit).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("fieldset").Filter(new() { HasText = "공정 단계" })).ToContainTextAsync("생산 공정");
        await ConsoleBrowser.ScreenshotAsync(page, "catalog-ko");

        await hit.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("사출성형기");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("한빛정밀");
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("mould_temp");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("DCAT") })).ToHaveAttributeAsync("href", new Regex("/dcat$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("12,000,000원");
        await ConsoleBrowser.AssertAccessibleAsync(page);
        await ConsoleBrowser.ScreenshotAsync(page, "dataset-ko");
    }

    [Fact]
    public async Task English_is_one_click_away_on_every_page_and_formats_won_the_english_way()
    {
        var page = await fixture.OpenAsync();
        await page.GotoAsync("/?q=%EC%82%AC%EC%B6%9C");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Find datasets");
        // The search survived the switch.
        await Assertions.Expect(page.GetByLabel("Search words")).ToHaveValueAsync("사출");
        await ConsoleBrowser.ScreenshotAsync(page, "catalog-en");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"Injection moulding machine mould temperature and pressure sensors \(Plant 1") }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("KRW 12,000,000");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Hanbit Precision");
        await ConsoleBrowser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "한국어" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ko");
    }

    [Fact]
    public async Task A_signed_in_buyer_sees_an_indicative_price_band_and_can_request_the_dataset()
    {
        var page = await fixture.OpenAsync();
        var id = await fixture.Marketplace.DemoDatasetAsync("q=%EC%82%AC%EC%B6%9C");
        await page.GotoAsync($"/datasets/{id}");
        await Assertions.Expect(page.Locator("#indicative ~ *").First).ToContainTextAsync("로그인한 조직");

        var (email, password) = SignIn.Demo("demo-buyer-a");
        await SignIn.AsAsync(page, email, password);
        Assert.EndsWith($"/datasets/{id}", page.Url);
        await Assertions.Expect(page.Locator(".band")).ToContainTextAsync("하한");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "이 데이터셋 요청하기" })).ToBeVisibleAsync();
        await ConsoleBrowser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task On_a_phone_the_catalog_is_one_column_and_nothing_scrolls_sideways()
    {
        var page = await fixture.OpenAsync(width: 375);
        await page.GotoAsync("/");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The page is wider than a 375-pixel phone screen.");
        await ConsoleBrowser.ScreenshotAsync(page, "catalog-phone-ko");
    }
}
