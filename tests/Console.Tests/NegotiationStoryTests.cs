using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.EndToEnd.Console;

/// <summary>
/// The marketplace's story as its people live it, in two browsers side by side: a provider lists a dataset in Korean
/// and publishes it; a buyer finds it by part of a Korean word, requests it; the provider counter-offers, the buyer
/// accepts, the provider signs, the buyer reads and verifies the agreement and fetches an access grant, which verifies
/// against the marketplace's JWKS. Once in Korean, once in English; every page passes axe-core.
/// </summary>
[Collection(TradingConsole.Name)]
public sealed class NegotiationStoryTests(ConsoleMarketplace fixture)
{
    public sealed record Words(
        string Language, string Negotiations, string MyDatasets, string ListADataset, string SaveDraft, string PublishAndManage, string Publish,
        string Search, string CheckPrice, string SendRequest, string SendOffer, string AcceptOffer, string AgreeAndSign, string ReadAndAgree,
        string VerifyAndSign, string OpenAgreement, string FetchGrant, string Published, string InForce);

    public static readonly Words Korean = new("ko", "협상", "내 데이터셋", "데이터셋 등록", "초안 저장", "공개 및 관리", "공개하기",
        "검색", "가격 범위 확인", "요청 보내기", "제안 보내기", "제안 수락", "동의하고 서명", "위 계약서를 읽었고 이 내용에 동의합니다",
        "확인하고 서명", "계약 보기", "접근 권한 토큰 받기", "공개됨", "체결됨");

    public static readonly Words English = new("en", "Negotiations", "My datasets", "List a dataset", "Save the draft", "Publish and manage", "Publish",
        "Search", "Check the price band", "Send the request", "Send the offer", "Accept the offer", "Agree and sign", "I have read the agreement above and agree to it",
        "Verify and sign", "Open the agreement", "Get an access grant", "Published", "In force");

    public static TheoryData<string> Languages() => ["ko", "en"];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_dataset_is_listed_found_negotiated_agreed_and_its_grant_verifies(string language)
    {
        var w = language == "en" ? English : Korean;
        // A word of its own, so the buyer finds this run's dataset among the demo ones and earlier runs'.
        var marker = "냉각" + string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('가' + (c % 16 * 28))));
        IPage? provider = null, buyer = null;
        await ConsoleBrowser.KeepPagesOnFailureAsync(async () =>
        {
            provider = await OpenSignedInAsync("demo-provider-x", w);
            buyer = await OpenSignedInAsync("demo-buyer-a", w);

            // The provider lists a dataset in Korean and publishes it.
            await provider.GetByRole(AriaRole.Link, new() { Name = w.MyDatasets }).ClickAsync();
            await ConsoleBrowser.AssertAccessibleAsync(provider);
            await provider.GetByRole(AriaRole.Link, new() { Name = w.ListADataset }).ClickAsync();
            await provider.Locator("#titleKo").FillAsync($"사출성형기 {marker}수 유량 데이터");
            await provider.Locator("#titleEn").FillAsync("Injection moulding coolant flow");
            // Two lines: a description is text with line breaks (the console posts it as a form, then sends it on as JSON).
            await provider.Locator("#descriptionKo").FillAsync("사출성형기 냉각수 유량을 1분 간격으로 기록한 데이터.\n2023–2024년, 사출 라인 3개.");
            await provider.Locator("#keywords").FillAsync("사출, 냉각수, 유량");
            await provider.Locator("#processStage").SelectOptionAsync("production");
            await provider.Locator("#dataTypes").SelectOptionAsync(["sensor-time-series"]);
            await provider.GetByLabel(language == "en" ? "Name of field 1" : "1번째 필드 이름").FillAsync("flow_lpm");
            await provider.Locator("#purposes").SelectOptionAsync(["research", "ai-training"]);
            await provider.Locator("#minDuration").FillAsync("1");
            await provider.Locator("#maxDuration").FillAsync("24");
            await provider.Locator("#askingPrice").FillAsync("5000000");
            await ConsoleBrowser.AssertAccessibleAsync(provider);
            await ConsoleBrowser.ScreenshotAsync(provider, $"list-dataset-{language}");
            await provider.GetByRole(AriaRole.Button, new() { Name = w.SaveDraft }).ClickAsync();
            await Assertions.Expect(provider.Locator("#score-value")).ToHaveTextAsync(new Regex("^[0-9]+$"));
            await Assertions.Expect(provider.Locator("#score-gaps")).ToBeVisibleAsync();
            await provider.GetByRole(AriaRole.Link, new() { Name = w.PublishAndManage }).ClickAsync();
            await provider.GetByRole(AriaRole.Button, new() { Name = w.Publish, Exact = true }).ClickAsync();
            await Assertions.Expect(provider.Locator("#dataset-status")).ToHaveTextAsync(w.Published);

            // The buyer finds it by part of a Korean word and requests it at the reference price the console proposes.
            await buyer.Locator("#q").FillAsync(marker);
            await buyer.GetByRole(AriaRole.Button, new() { Name = w.Search, Exact = true }).ClickAsync();
            // The only hit (an English reader sees its English title).
            await Assertions.Expect(buyer.Locator(".card")).ToHaveCountAsync(1);
            await buyer.Locator(".card h3 a").ClickAsync();
            await buyer.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(language == "en" ? "Request this dataset" : "이 데이터셋 요청하기") }).ClickAsync();
            await Assertions.Expect(buyer.Locator(".band")).ToBeVisibleAsync();
            await ConsoleBrowser.AssertAccessibleAsync(buyer);
            await ConsoleBrowser.ScreenshotAsync(buyer, $"request-{language}");
            var requested = decimal.Parse(await buyer.Locator("#price").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
            await buyer.GetByRole(AriaRole.Button, new() { Name = w.SendRequest }).ClickAsync();
            await Assertions.Expect(buyer.Locator("#state")).ToHaveAttributeAsync("data-state", "REQUESTED");
            var negotiation = buyer.Url;

            // The provider counter-offers a little above the buyer's price.
            await provider.GetByRole(AriaRole.Link, new() { Name = w.Negotiations }).ClickAsync();
            await provider.Locator($"a[href='{new Uri(negotiation).AbsolutePath}']").ClickAsync();
            await Assertions.Expect(provider.Locator("#state")).ToHaveAttributeAsync("data-state", "REQUESTED");
            await ConsoleBrowser.AssertAccessibleAsync(provider);
            await ConsoleBrowser.ScreenshotAsync(provider, $"negotiation-provider-{language}");
            await provider.Locator("#offer-price").FillAsync((requested + 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await provider.GetByRole(AriaRole.Button, new() { Name = w.SendOffer }).ClickAsync();
            await Assertions.Expect(provider.Locator("#state")).ToHaveAttributeAsync("data-state", "OFFERED");

            // The buyer accepts; the provider agrees and signs.
            await buyer.GotoAsync(negotiation);
            await buyer.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(w.AcceptOffer)) }).ClickAsync();
            await Assertions.Expect(buyer.Locator("#state")).ToHaveAttributeAsync("data-state", "ACCEPTED");
            // Before signing, the provider reads the agreement its signature will create, in both languages, and its hash.
            await provider.ReloadAsync();
            await Assertions.Expect(provider.Locator("pre.agreement[lang=ko]")).ToContainTextAsync("데이터 제공 계약서");
            var drafted = await provider.Locator("#agreement-hash").TextContentAsync() ?? "";
            Assert.Matches("^[0-9a-f]{64}$", drafted);
            await Assertions.Expect(provider.Locator("pre.agreement[lang=en]")).ToContainTextAsync(drafted);
            await Assertions.Expect(provider.Locator(".ok").First).ToBeVisibleAsync();
            await ConsoleBrowser.AssertAccessibleAsync(provider);
            await provider.GetByLabel(w.ReadAndAgree).CheckAsync();
            await provider.GetByRole(AriaRole.Button, new() { Name = w.AgreeAndSign }).ClickAsync();
            await Assertions.Expect(provider.Locator("#state")).ToHaveAttributeAsync("data-state", "AGREED");
            await Assertions.Expect(provider.Locator("#agreement-hash")).ToHaveTextAsync(drafted);

            // The buyer reads the agreement (the console checked its hash), verifies and signs; the platform finalizes.
            await buyer.ReloadAsync();
            await Assertions.Expect(buyer.Locator("pre.agreement[lang=ko]")).ToContainTextAsync("데이터 제공 계약서");
            await Assertions.Expect(buyer.Locator("pre.agreement[lang=en]")).ToContainTextAsync("Agreement");
            await Assertions.Expect(buyer.Locator("#agreement-hash")).ToHaveTextAsync(drafted);
            await Assertions.Expect(buyer.Locator(".ok").First).ToBeVisibleAsync();
            await ConsoleBrowser.AssertAccessibleAsync(buyer);
            await ConsoleBrowser.ScreenshotAsync(buyer, $"verify-{language}");
            await buyer.GetByLabel(w.ReadAndAgree).CheckAsync();
            await buyer.GetByRole(AriaRole.Button, new() { Name = w.VerifyAndSign }).ClickAsync();
            await Assertions.Expect(buyer.Locator("#state")).ToHaveAttributeAsync("data-state", "FINALIZED");

            // The buyer fetches an access grant; it verifies against the marketplace's published keys.
            await buyer.GetByRole(AriaRole.Link, new() { Name = w.OpenAgreement }).ClickAsync();
            await Assertions.Expect(buyer.Locator("#agreement-status")).ToHaveTextAsync(w.InForce);
            await buyer.GetByRole(AriaRole.Button, new() { Name = w.FetchGrant }).ClickAsync();
            var grant = await buyer.Locator("#grant").InputValueAsync();
            await ConsoleBrowser.AssertAccessibleAsync(buyer);
            await ConsoleBrowser.ScreenshotAsync(buyer, $"agreement-{language}");
            await AssertGrantVerifiesAsync(grant);
        }, () => provider, () => buyer);
    }

    [Fact]
    public async Task A_price_outside_the_band_is_refused_next_to_the_price_and_the_form_keeps_what_was_typed()
    {
        IPage? buyer = null;
        await ConsoleBrowser.KeepPagesOnFailureAsync(async () =>
        {
            buyer = await OpenSignedInAsync("demo-buyer-b", Korean);
            var id = await fixture.Marketplace.DemoDatasetAsync("q=%EC%82%AC%EC%B6%9C");
            await buyer.GotoAsync($"/datasets/{id}/request");
            await buyer.Locator("#duration").FillAsync("7");
            await buyer.Locator("#price").FillAsync("1000");
            await buyer.GetByRole(AriaRole.Button, new() { Name = Korean.SendRequest }).ClickAsync();
            await Assertions.Expect(buyer.Locator("#price-error")).ToBeVisibleAsync();
            await Assertions.Expect(buyer.Locator("#price")).ToHaveValueAsync("1000");
            await Assertions.Expect(buyer.Locator("#duration")).ToHaveValueAsync("7");
            await ConsoleBrowser.AssertAccessibleAsync(buyer);
        }, () => buyer);
    }

    [Fact]
    public async Task A_signature_crossed_by_a_change_shows_the_new_agreement_and_one_crossed_by_the_other_side_says_what_it_did()
    {
        // Two accepted negotiations of a dataset of provider X's own, reached through the API as the buyer's system would.
        using var buyerApi = await Tokens.DemoAsync(fixture.BaseAddress, "demo-buyer-b");
        using var providerApi = await Tokens.DemoAsync(fixture.BaseAddress, "demo-provider-x");
        var dataset = await NegotiationClient.PublishDatasetAsync(providerApi);
        var price = await NegotiationClient.ReferencePriceAsync(buyerApi, dataset);
        var edited = (await NegotiationClient.DriveAsync(buyerApi, providerApi, dataset, price, "ACCEPTED")).GetProperty("id").GetGuid();
        var ended = (await NegotiationClient.DriveAsync(buyerApi, providerApi, dataset, price, "ACCEPTED")).GetProperty("id").GetGuid();
        IPage? provider = null;
        await ConsoleBrowser.KeepPagesOnFailureAsync(async () =>
        {
            provider = await OpenSignedInAsync("demo-provider-x", Korean);

            // While the provider reads, someone of its organisation renames the dataset: the document to sign changes.
            await provider.GotoAsync($"/negotiations/{edited}");
            var read = await provider.Locator("#agreement-hash").TextContentAsync() ?? "";
            using var rename = new StringContent("""{"titleKo":"이름을 바꾼 데이터셋"}""", System.Text.Encoding.UTF8, "application/merge-patch+json");
            await NegotiationClient.ExpectAsync(await providerApi.PatchAsync($"/api/catalog/datasets/{dataset}", rename), System.Net.HttpStatusCode.OK);
            var changed = await Eventually.GetAsync<string?>(async () =>
            {
                var draft = await providerApi.GetFromJsonAsync<JsonElement>($"/api/contracts/negotiations/{edited}/agreement-draft");
                return draft.GetProperty("hash").GetString() is { } hash && hash != read ? hash : null;
            }, TimeSpan.FromSeconds(60), "the renamed dataset to reach the agreement draft");
            await provider.GetByLabel(Korean.ReadAndAgree).CheckAsync();
            await provider.GetByRole(AriaRole.Button, new() { Name = Korean.AgreeAndSign }).ClickAsync();
            // Nothing signed: the new text and hash are shown, to be read and signed again.
            await Assertions.Expect(provider.Locator(".notice")).ToContainTextAsync("계약서 내용이 그 사이 바뀌었습니다");
            await Assertions.Expect(provider.Locator("#agreement-hash")).ToHaveTextAsync(changed!);
            await Assertions.Expect(provider.Locator("pre.agreement[lang=ko]")).ToContainTextAsync("이름을 바꾼 데이터셋");
            await Assertions.Expect(provider.Locator("#state")).ToHaveAttributeAsync("data-state", "ACCEPTED");
            await provider.GetByLabel(Korean.ReadAndAgree).CheckAsync();
            await provider.GetByRole(AriaRole.Button, new() { Name = Korean.AgreeAndSign }).ClickAsync();
            await Assertions.Expect(provider.Locator("#state")).ToHaveAttributeAsync("data-state", "AGREED");
            Assert.Equal(changed, (await buyerApi.GetFromJsonAsync<JsonElement>($"/api/contracts/negotiations/{edited}")).GetProperty("agreementHash").GetString());

            // The buyer ends the other negotiation while the provider reads it: the signature is answered with what happened.
            await provider.GotoAsync($"/negotiations/{ended}");
            await Assertions.Expect(provider.Locator("#state")).ToHaveAttributeAsync("data-state", "ACCEPTED");
            await NegotiationClient.ActOkAsync(buyerApi, ended, "terminate", new { reason = "no-longer-needed" });
            await provider.GetByLabel(Korean.ReadAndAgree).CheckAsync();
            await provider.GetByRole(AriaRole.Button, new() { Name = Korean.AgreeAndSign }).ClickAsync();
            await Assertions.Expect(provider.Locator("#state")).ToHaveAttributeAsync("data-state", "TERMINATED");
            await Assertions.Expect(provider.Locator(".notice")).ToContainTextAsync("그 사이 상대방이 먼저 행동했습니다");
            await Assertions.Expect(provider.GetByRole(AriaRole.Button, new() { Name = Korean.AgreeAndSign })).ToHaveCountAsync(0);
        }, () => provider);
    }

    private async Task<IPage> OpenSignedInAsync(string clientId, Words words)
    {
        var page = await fixture.OpenAsync();
        if (words.Language == "en")
        {
            await page.GotoAsync("/language/en?returnUrl=/");
        }
        else
        {
            await page.GotoAsync("/");
        }

        var (email, password) = SignIn.Demo(clientId);
        await SignIn.AsAsync(page, email, password);
        return page;
    }

    private async Task AssertGrantVerifiesAsync(string grant)
    {
        using var client = fixture.Marketplace.Host.CreateClient();
        var jwks = new JsonWebKeySet(await client.GetStringAsync("/api/contracts/jwks"));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(grant, new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidIssuer = "urn:marketplace:contracts",
            ValidateAudience = false,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
    }
}
