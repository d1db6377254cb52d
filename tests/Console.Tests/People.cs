namespace Marketplace.EndToEnd.Console;

/// <summary>What a person does in the browser to get in and out: Identity's sign-in page, reached from the console.</summary>
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
