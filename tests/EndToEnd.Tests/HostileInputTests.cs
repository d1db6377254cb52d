using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Marketplace.EndToEnd.Tests;

/// <summary>Inputs an outside sweep answered with 500: each is a 400 problem naming the member as the client spelled it.</summary>
[Collection(SharedMarketplace.Name)]
public sealed class HostileInputTests(AllInOneMarketplace fixture)
{
    private Uri BaseAddress => fixture.Host.BaseAddress!;

    [Theory]
    [InlineData("demo-buyer-a", "/api/contracts/negotiations", """{"datasetId":"{dataset}","priceKrw":1000000,"terms":{"purposes":["research"],"durationMonths":12,"territory":[null]}}""", "terms.territory")]
    [InlineData("demo-admin", "/api/pricing/baselines", """{"processStage":null,"dataType":null,"basePrice":1000,"factors":{"volumeTiers":[null]}}""", "factors.volumeTiers")]
    [InlineData("demo-admin", "/api/pricing/baselines", """{"processStage":null,"dataType":null,"basePrice":1000,"factors":{"historyTiers":[null]}}""", "factors.historyTiers")]
    [InlineData("demo-provider-x", "/api/catalog/datasets", """{"titleKo":"널\u0000문자"}""", "titleKo")]
    [InlineData("demo-provider-x", "/api/catalog/datasets", """{"titleKo":"제어\u0007문자"}""", "titleKo")]
    [InlineData("demo-provider-x", "/api/catalog/datasets", """{"titleEn":"lone \ud800 surrogate"}""", "titleEn")]
    [InlineData("demo-provider-x", "/api/catalog/datasets", """{"keywords":["ok",null]}""", "keywords")]
    [InlineData("demo-buyer-a", "/api/contracts/negotiations", """{"datasetId":"{dataset}","priceKrw":1000000,"terms":{"purposes":["research"],"durationMonths":12,"liabilityCapKrw":79228162514264337593543950335}}""", "terms.liabilityCapKrw")]
    [InlineData("demo-admin", "/api/pricing/vouchers", """{"name":"x","forSmes":true,"subsidyPercent":50,"capPerAgreementKrw":79228162514264337593543950335,"budgetKrw":1000,"validFrom":"2026-01-01T00:00:00Z","validTo":"2027-01-01T00:00:00Z"}""", "capPerAgreementKrw")]
    [InlineData("demo-buyer-a", "/api/contracts/negotiations", """{"datasetId":"{dataset}","priceKrw":1000000000000000000000000000000000000000}""", "priceKrw")]
    public async Task A_json_body_that_breaks_the_input_rules_is_a_400_naming_the_member(string caller, string path, string body, string member)
    {
        using var client = await Tokens.DemoAsync(BaseAddress, caller);
        var dataset = await fixture.DemoDatasetAsync("processStage=production&dataType=sensor-time-series");

        using var response = await client.PostAsync(path, new StringContent(body.Replace("{dataset}", dataset.ToString()), Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(member, out _), $"errors should name {member}: {problem}");
    }

    /// <summary>A merge patch is parsed before it is read: broken text in it is a 400 too (the fuzzer found a 500 here).</summary>
    [Theory]
    [InlineData("""{"titleEn":"lone \ud800 surrogate"}""", "titleEn")]
    [InlineData("""{"keywords":["ok","nul\u0000"]}""", "keywords[1]")]
    public async Task A_merge_patch_with_broken_text_is_a_400_naming_the_member(string patch, string member)
    {
        using var provider = await Tokens.DemoAsync(BaseAddress, "demo-provider-x");
        var draft = await DatasetClient.CreateDraftAsync(provider);
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/catalog/datasets/{draft.Id}")
        {
            Content = new StringContent(patch, Encoding.UTF8, "application/merge-patch+json"),
        };

        using var response = await provider.SendAsync(request);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(member, out _), $"errors should name {member}: {problem}");
    }

    [Theory]
    [InlineData("/connect/token", "client_id")]
    [InlineData("/account/login", "email")]
    [InlineData("/connect/authorize", "client_id")]
    public async Task A_nul_in_a_form_field_is_a_400_naming_it(string path, string field)
    {
        using var anonymous = fixture.Host.CreateClient();
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_secret"] = "x", [field] = "demo\0buyer" };

        using var response = await anonymous.PostAsync(path, new FormUrlEncodedContent(form));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_nul_in_a_query_string_and_a_form_of_too_many_fields_are_400s()
    {
        using var anonymous = fixture.Host.CreateClient();
        await ProblemAsync(await anonymous.GetAsync("/connect/authorize?client_id=%00&response_type=code"), HttpStatusCode.BadRequest);
        await ProblemAsync(await anonymous.GetAsync("/api/catalog/datasets?q=%00"), HttpStatusCode.BadRequest);

        var many = Enumerable.Range(0, 1100).ToDictionary(i => $"f{i}", i => "x");
        many["grant_type"] = "client_credentials";
        await ProblemAsync(await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(many)), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_status_number_is_a_400_like_an_unknown_status_name()
    {
        using var provider = await Tokens.DemoAsync(BaseAddress, "demo-provider-x");
        foreach (var status in new[] { "99", "-1", "nonsense" })
        {
            var problem = await ProblemAsync(await provider.GetAsync($"/api/catalog/datasets/mine?status={status}"), HttpStatusCode.BadRequest);
            Assert.True(problem.TryGetProperty("errors", out var errors) ? errors.TryGetProperty("status", out _) : problem.GetProperty("detail").GetString()!.Contains("status"), problem.ToString());
        }
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
