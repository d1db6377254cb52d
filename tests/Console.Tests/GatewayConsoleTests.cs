using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Marketplace.EndToEnd.Console;

/// <summary>
/// Microservices mode: the console is a service of its own behind the gateway, which forwards every path no module
/// claims to it. A provider registers and signs in through the gateway, is verified, lists a dataset in Korean and
/// publishes it; a visitor finds it by part of a Korean word — every page and API call through the one public port.
/// </summary>
public sealed class GatewayConsoleTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private MicroservicesCluster _cluster = null!;
    private ConsoleBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        var cluster = MicroservicesCluster.StartAsync(withConsole: true);
        _browser = await ConsoleBrowser.LaunchAsync();
        _cluster = await cluster;
    }

    [Fact]
    public async Task Through_the_gateway_a_provider_registers_signs_in_lists_and_publishes_and_a_visitor_finds_the_dataset()
    {
        var gateway = _cluster.Gateway.BaseAddress!;
        IPage? provider = null, visitor = null;
        await ConsoleBrowser.KeepPagesOnFailureAsync(async () =>
        {
            provider = await _browser.OpenAsync(gateway);
            await provider.GotoAsync("/register");
            var number = Organisations.NewBusinessRegistrationNumber();
            var email = $"ops-{number}@example.test";
            await provider.Locator("#nameKo").FillAsync("관문정밀");
            await provider.Locator("#brn").FillAsync(number);
            await provider.Locator("#email").FillAsync(email);
            await provider.Locator("#role-provider").CheckAsync();
            await provider.GetByRole(AriaRole.Button, new() { Name = "조직 등록" }).ClickAsync();
            await provider.Locator("#accept-invitation").ClickAsync();
            Assert.StartsWith(gateway.ToString(), provider.Url);
            await provider.Locator("input[name=displayName]").FillAsync("관문 담당자");
            await provider.Locator("input[name=password]").FillAsync(Password);
            await provider.Locator("input[name=confirmPassword]").FillAsync(Password);
            await provider.Locator("button[type=submit]").ClickAsync();

            // Verified by the platform's administrator client, then signed in: the token says so.
            using (var admin = await Tokens.SignedInAsync(gateway, MicroservicesCluster.AdminClientId, MicroservicesCluster.AdminClientSecret))
            {
                var queue = await admin.GetFromJsonAsync<JsonElement>("/api/identity/organisations?status=Pending");
                var id = queue.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("contactEmail").GetString() == email).GetProperty("id").GetString();
                (await admin.PostAsync($"/api/identity/organisations/{id}/verify", null)).EnsureSuccessStatusCode();
            }

            await provider.GotoAsync("/");
            await SignIn.AsAsync(provider, email, Password);
            Assert.StartsWith(gateway.ToString(), provider.Url);
            await Listing.PublishAsync(provider, "사출성형기 관문시험 데이터", "게이트웨이를 거쳐 등록한 데이터셋");

            visitor = await _browser.OpenAsync(gateway);
            await visitor.GotoAsync("/?q=" + Uri.EscapeDataString("사출"));
            await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("사출성형기 관문시험") })).ToBeVisibleAsync();
            await ConsoleBrowser.AssertAccessibleAsync(visitor);
        }, () => provider, () => visitor);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _cluster.DisposeAsync();
    }
}
