namespace Marketplace.EndToEnd.Console;

/// <summary>What a person does in the browser to get in: Identity's sign-in page, reached from the console.</summary>
public static class SignIn
{
    /// <summary>The demo organisations' people: e-mail = the organisation's contact, password = its client's secret.</summary>
    public static (string Email, string Password) Demo(string clientId) => ($"{clientId}@example.invalid", $"{clientId}-secret");

    public static async Task AsAsync(IPage page, string email, string password)
    {
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^(로그인|Sign in)$") }).ClickAsync();
        // Identity asks for the password unless the person still has a session there (just after accepting an invitation).
        var signedOut = page.Locator("form[action='/signout']");
        await Assertions.Expect(page.Locator("input[name=email]").Or(signedOut)).ToBeVisibleAsync();
        if (await page.Locator("input[name=email]").IsVisibleAsync())
        {
            await page.Locator("input[name=email]").FillAsync(email);
            await page.Locator("input[name=password]").FillAsync(password);
            await page.Locator("button[type=submit]").ClickAsync();
        }

        await Assertions.Expect(signedOut).ToBeVisibleAsync();
    }
}

/// <summary>What a provider does in the browser to put a dataset on the marketplace, in Korean.</summary>
public static class Listing
{
    /// <summary>From the blank form: the least a dataset needs, saved as a draft, then published.</summary>
    public static async Task PublishAsync(IPage provider, string titleKo, string descriptionKo)
    {
        await provider.GotoAsync("/provider/datasets/new");
        await provider.Locator("#titleKo").FillAsync(titleKo);
        await provider.Locator("#descriptionKo").FillAsync(descriptionKo);
        await provider.Locator("#processStage").SelectOptionAsync("production");
        await provider.Locator("#dataTypes").SelectOptionAsync(["sensor-time-series"]);
        await provider.Locator("#purposes").SelectOptionAsync(["research"]);
        await provider.GetByRole(AriaRole.Button, new() { Name = "초안 저장" }).ClickAsync();
        await provider.GetByRole(AriaRole.Link, new() { Name = "공개 및 관리" }).ClickAsync();
        await provider.GetByRole(AriaRole.Button, new() { Name = "공개하기", Exact = true }).ClickAsync();
        await Assertions.Expect(provider.Locator("#dataset-status")).ToHaveTextAsync("공개됨");
    }
}
