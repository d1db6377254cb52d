using System.Text.RegularExpressions;

namespace Marketplace.EndToEnd.Console;

/// <summary>
/// A new provider registers (business registration number checked), creates its account from the invitation, waits
/// for an administrator, who verifies it in the queue; the provider then lists a dataset in Korean and publishes it.
/// An administrator previews a baseline draft against real listings, publishes it and reads the market statistics.
/// </summary>
[Collection(AdministrationConsole.Name)]
public sealed class AdministrationStoryTests(ConsoleMarketplace fixture)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task A_registered_provider_is_verified_by_an_administrator_and_then_publishes_a_dataset_in_korean()
    {
        IPage? provider = null, admin = null;
        await ConsoleBrowser.KeepPagesOnFailureAsync(async () =>
        {
            provider = await fixture.OpenAsync();
            await provider.GotoAsync("/");
            await provider.GetByRole(AriaRole.Link, new() { Name = "조직 등록" }).ClickAsync();
            await ConsoleBrowser.AssertAccessibleAsync(provider);

            // A wrong number is refused next to its field, and what was typed stays.
            var number = Organisations.NewBusinessRegistrationNumber();
            var email = $"ops-{number}@example.test";
            await provider.Locator("#nameKo").FillAsync("한결정밀");
            await provider.Locator("#nameEn").FillAsync("Hangyeol Precision");
            await provider.Locator("#brn").FillAsync("1234567890");
            await provider.Locator("#email").FillAsync(email);
            await provider.Locator("#role-provider").CheckAsync();
            await provider.Locator("#sme").CheckAsync();
            await provider.GetByRole(AriaRole.Button, new() { Name = "조직 등록" }).ClickAsync();
            await Assertions.Expect(provider.Locator("#brn-error")).ToBeVisibleAsync();
            await Assertions.Expect(provider.Locator("#nameKo")).ToHaveValueAsync("한결정밀");
            await ConsoleBrowser.ScreenshotAsync(provider, "register-error-ko");
            await provider.Locator("#brn").FillAsync(number);
            await provider.GetByRole(AriaRole.Button, new() { Name = "조직 등록" }).ClickAsync();

            // The invitation makes the contact person the organisation's first account.
            await provider.Locator("#accept-invitation").ClickAsync();
            await provider.Locator("input[name=displayName]").FillAsync("김한결");
            await provider.Locator("input[name=password]").FillAsync(Password);
            await provider.Locator("input[name=confirmPassword]").FillAsync(Password);
            await provider.Locator("button[type=submit]").ClickAsync();
            await provider.GotoAsync("/");
            await SignIn.AsAsync(provider, email, Password);

            // An administrator verifies it in the queue.
            admin = await fixture.OpenAsync();
            await admin.GotoAsync("/");
            var (adminEmail, adminPassword) = SignIn.Demo("demo-admin");
            await SignIn.AsAsync(admin, adminEmail, adminPassword);
            await admin.GetByRole(AriaRole.Link, new() { Name = "조직 심사" }).ClickAsync();
            await ConsoleBrowser.AssertAccessibleAsync(admin);
            await ConsoleBrowser.ScreenshotAsync(admin, "verification-queue-ko");
            await admin.GetByRole(AriaRole.Button, new() { Name = "한결정밀 승인" }).First.ClickAsync();
            await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("승인했습니다");

            // Verification shows in the provider's next token: signing in again brings it.
            await provider.Locator("form[action='/signout'] button").ClickAsync();
            await Assertions.Expect(provider.GetByRole(AriaRole.Link, new() { Name = "로그인" })).ToBeVisibleAsync();
            await SignIn.AsAsync(provider, email, Password);
            await Listing.PublishAsync(provider, "프레스 진동 데이터 (한결정밀)", "프레스 라인의 진동 센서 데이터");
        }, () => provider, () => admin);
    }

    [Fact]
    public async Task An_administrator_previews_a_baseline_against_real_listings_publishes_it_and_reads_the_statistics()
    {
        IPage? admin = null;
        await ConsoleBrowser.KeepPagesOnFailureAsync(async () =>
        {
            admin = await fixture.OpenAsync();
            await admin.GotoAsync("/");
            var (adminEmail, adminPassword) = SignIn.Demo("demo-admin");
            await SignIn.AsAsync(admin, adminEmail, adminPassword);
            await admin.GetByRole(AriaRole.Link, new() { Name = "기준 가격" }).ClickAsync();
            await ConsoleBrowser.AssertAccessibleAsync(admin);
            await admin.Locator("#processStage").SelectOptionAsync("production");
            await admin.Locator("#dataType").SelectOptionAsync("sensor-time-series");
            await admin.Locator("#basePrice").FillAsync("8500000");
            await admin.Locator("#floorPercent").FillAsync("75");
            await admin.Locator("#ceilingPercent").FillAsync("140");
            await admin.GetByRole(AriaRole.Button, new() { Name = "초안 만들기" }).ClickAsync();
            await Assertions.Expect(admin.Locator("#baseline-status")).ToHaveTextAsync("초안");

            await admin.GetByRole(AriaRole.Button, new() { Name = "미리 보기", Exact = true }).ClickAsync();
            await Assertions.Expect(admin.Locator("#preview-table tbody tr").First).ToBeVisibleAsync();
            await Assertions.Expect(admin.Locator("#preview-table")).ToContainTextAsync("사출성형기");
            await ConsoleBrowser.AssertAccessibleAsync(admin);
            await ConsoleBrowser.ScreenshotAsync(admin, "baseline-preview-ko");
            await admin.GetByRole(AriaRole.Button, new() { Name = "기준 가격표 공개" }).ClickAsync();
            await Assertions.Expect(admin.Locator("#baseline-status")).ToHaveTextAsync("공개됨");

            await admin.GetByRole(AriaRole.Link, new() { Name = "시장 통계" }).ClickAsync();
            await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("시장 통계");
            await ConsoleBrowser.AssertAccessibleAsync(admin);
            await ConsoleBrowser.ScreenshotAsync(admin, "statistics-ko");
        }, () => admin);
    }

    [Fact]
    public async Task An_administrator_starts_a_voucher_programme_and_an_organisation_administrator_manages_people_and_clients()
    {
        IPage? admin = null, provider = null;
        await ConsoleBrowser.KeepPagesOnFailureAsync(async () =>
        {
            admin = await fixture.OpenAsync();
            await admin.GotoAsync("/");
            var (adminEmail, adminPassword) = SignIn.Demo("demo-admin");
            await SignIn.AsAsync(admin, adminEmail, adminPassword);
            await admin.GetByRole(AriaRole.Link, new() { Name = "바우처" }).ClickAsync();
            var name = $"2027 중소기업 바우처 {Guid.NewGuid().ToString("N")[..4]}";
            await admin.Locator("#name").FillAsync(name);
            await admin.Locator("#cap").FillAsync("5000000");
            await admin.Locator("#budget").FillAsync("100000000");
            await admin.GetByRole(AriaRole.Button, new() { Name = "프로그램 만들기" }).ClickAsync();
            var row = admin.Locator("#vouchers tr").Filter(new() { HasText = name });
            await Assertions.Expect(row).ToContainTextAsync("100,000,000원");
            await ConsoleBrowser.AssertAccessibleAsync(admin);

            provider = await fixture.OpenAsync();
            await provider.GotoAsync("/");
            var (email, password) = SignIn.Demo("demo-provider-y");
            await SignIn.AsAsync(provider, email, password);
            await provider.GetByRole(AriaRole.Link, new() { Name = "내 조직" }).ClickAsync();
            await Assertions.Expect(provider.Locator("h1")).ToContainTextAsync("대성금형");
            await provider.Locator("#client-name").FillAsync("ERP 연동");
            await provider.GetByRole(AriaRole.Button, new() { Name = "API 클라이언트 만들기" }).ClickAsync();
            await Assertions.Expect(provider.Locator("#client-secret")).Not.ToBeEmptyAsync();
            var clientRow = provider.Locator("tr").Filter(new() { HasText = "ERP 연동" });
            await clientRow.GetByRole(AriaRole.Button).ClickAsync();
            await Assertions.Expect(provider.Locator("tr").Filter(new() { HasText = "ERP 연동" })).ToContainTextAsync("폐기됨");

            // Its dataspace connector: a callback address the marketplace may not call is refused next to the field.
            var participant = $"did:web:edc-{Guid.NewGuid():N}.example";
            await provider.Locator("details.connector summary").ClickAsync();
            await provider.Locator("#connector-name").FillAsync("EDC 커넥터");
            await provider.Locator("#participant-id").FillAsync(participant);
            await provider.Locator("#callback-addresses").FillAsync("http://edc.example/protocol");
            await provider.Locator("details.connector button[type=submit]").ClickAsync();
            await Assertions.Expect(provider.Locator("#callback-addresses-error")).ToBeVisibleAsync();
            await Assertions.Expect(provider.Locator("#participant-id")).ToHaveValueAsync(participant);
            await provider.Locator("#callback-addresses").FillAsync("https://edc.example/protocol\nhttps://edc.example/backup");
            await provider.Locator("details.connector button[type=submit]").ClickAsync();
            await Assertions.Expect(provider.Locator("#client-secret")).Not.ToBeEmptyAsync();
            await Assertions.Expect(provider.Locator("tr").Filter(new() { HasText = "EDC 커넥터" })).ToContainTextAsync(participant);
            await provider.Locator("#invite-email").FillAsync($"colleague-{Guid.NewGuid():N}@example.test");
            await provider.GetByRole(AriaRole.Button, new() { Name = "초대하기" }).ClickAsync();
            await Assertions.Expect(provider.Locator("#invitation-url")).ToHaveValueAsync(new Regex("/account/invitation\\?code="));
            await ConsoleBrowser.AssertAccessibleAsync(provider);
        }, () => admin, () => provider);
    }
}
