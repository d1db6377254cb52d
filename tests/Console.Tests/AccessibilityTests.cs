namespace Marketplace.EndToEnd.Console;

/// <summary>
/// axe-core on the pages the stories do not already check, in both languages: the stories check the catalog, dataset,
/// request, negotiation, agreement, listing form, registration and administrator pages as they use them.
/// </summary>
[Collection(AdministrationConsole.Name)]
public sealed class AccessibilityTests(ConsoleMarketplace fixture)
{
    [Theory]
    [InlineData("ko")]
    [InlineData("en")]
    public async Task The_remaining_pages_have_no_serious_or_critical_violation(string language)
    {
        var id = await fixture.Marketplace.DemoDatasetAsync("q=%EC%82%AC%EC%B6%9C");
        var page = await fixture.OpenAsync();
        await page.GotoAsync($"/language/{language}?returnUrl=/");
        var (email, password) = SignIn.Demo("demo-provider-x");
        await SignIn.AsAsync(page, email, password);
        foreach (var path in new[] { "/negotiations", "/provider/datasets", $"/provider/datasets/{id}", $"/provider/datasets/{id}/edit", "/statistics" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await ConsoleBrowser.AssertAccessibleAsync(page);
        }

        // A provider is not an administrator: the console says so instead of failing.
        await page.GotoAsync("/admin/organisations");
        Assert.EndsWith("/forbidden", new Uri(page.Url).AbsolutePath);
        await ConsoleBrowser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_check_itself_fails_on_a_page_with_a_serious_violation()
    {
        var page = await fixture.OpenAsync();
        await page.SetContentAsync("""<html lang="ko"><head><title>t</title></head><body><main><img src="x.png"><button></button></main></body></html>""");
        var failure = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => ConsoleBrowser.AssertAccessibleAsync(page));
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("button-name", failure.Message, StringComparison.Ordinal);
    }
}
