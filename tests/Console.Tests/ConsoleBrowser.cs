using System.Reflection;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Marketplace.EndToEnd.Console;

/// <summary>
/// Debian's chromium (package <c>chromium</c>, installed by scripts/test.sh), headless, driven by Playwright for .NET:
/// Playwright downloads no browser here. One browser per fixture; every test opens its own context (cookies, language).
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string RepositoryRoot = typeof(HostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    private readonly IPlaywright _playwright;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<ConsoleBrowser> LaunchAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium package (scripts/test.sh does).");
        // Every expectation waits as long as every action (30 s, scaled by MARKETPLACE_TEST_SLOWDOWN), not Playwright's
        // 5 s: on a busy 2-core machine a sign-in round trip through the gateway took longer than that.
        Assertions.SetDefaultExpectTimeout((float)TestServices.Scaled(TimeSpan.FromSeconds(30)).TotalMilliseconds);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in CI containers has no user namespaces for chromium's sandbox.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        return new ConsoleBrowser(playwright, browser);
    }

    /// <summary>A fresh browser context on the marketplace: no cookies, the given screen width.</summary>
    public async Task<IPage> OpenAsync(Uri baseAddress, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout((float)TestServices.Scaled(TimeSpan.FromSeconds(30)).TotalMilliseconds);
        return await context.NewPageAsync();
    }

    /// <summary>Details for violations only: passes and inapplicable rules are counted, not described.</summary>
    private static readonly AxeRunOptions Options = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>axe-core on the page as it is: fails on any serious or critical violation, naming rule and elements.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        // axe.run in the page itself ("legacy" mode): the default mode runs every frame apart and finishes in a fresh
        // page of its own, for cross-origin frames the console does not have, at 2–4 s a check instead of 0.5–1.3 s.
#pragma warning disable CS0618
        var result = await page.Locator("html").RunAxeLegacy(Options);
#pragma warning restore CS0618
        var severe = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(severe.Count == 0, $"{page.Url}: " + string.Join("\n", severe.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    /// <summary>
    /// A full-page picture into docs/screenshots when MARKETPLACE_SCREENSHOTS=1 (to refresh README's pictures); a
    /// plain test run takes none (encoding full pages costs the suite time) and leaves the working tree as it was.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("MARKETPLACE_SCREENSHOTS") != "1")
        {
            return;
        }

        var folder = Path.Combine(RepositoryRoot, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>Runs a browser story; when it fails, every page it opened is kept (HTML and picture) for whoever reads the failure.</summary>
    public static async Task KeepPagesOnFailureAsync(Func<Task> story, params Func<IPage?>[] pages)
    {
        try
        {
            await story();
        }
        catch
        {
            var folder = Path.Combine(Path.GetTempPath(), "marketplace-screenshots");
            Directory.CreateDirectory(folder);
            foreach (var page in pages.Select(p => p()).OfType<IPage>())
            {
                var name = Path.Combine(folder, $"failed-{DateTime.UtcNow:HHmmssfff}-{Guid.NewGuid().ToString("N")[..4]}");
                try
                {
                    await File.WriteAllTextAsync(name + ".html", $"<!-- {page.Url} -->\n" + await page.ContentAsync());
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = name + ".png", FullPage = true, Timeout = 5000 });
                }
                catch (Exception e) when (e is PlaywrightException or TimeoutException)
                {
                    // A page in the middle of navigating keeps nothing; the story's own failure is what matters.
                }
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
