using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.Bench;

/// <summary>
/// What the load generators of bench/ do through the public API as the demo organisations: sign in, publish a
/// dataset, find a price inside its band, negotiate to FINALIZED. Linked into each benchmark that needs it.
/// </summary>
internal static class DemoMarketplace
{
    public static readonly object Terms = new { purposes = new[] { "research" }, durationMonths = 12 };

    /// <summary>A client signed in as a demo API client (client credentials; secrets as README lists them).</summary>
    public static async Task<HttpClient> SignInAsync(HttpMessageHandler handler, Uri gateway, string clientId)
    {
        var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, clientId));
        return client;
    }

    public static async Task<string> TokenAsync(HttpClient client, string clientId)
    {
        using var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = $"{clientId}-secret",
        }));
        token.EnsureSuccessStatusCode();
        return (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>A new dataset of the provider, published; its id.</summary>
    public static async Task<Guid> PublishDatasetAsync(HttpClient provider, string titleKo, string titleEn)
    {
        using var draft = await provider.PostAsJsonAsync("/api/catalog/datasets", Document(titleKo, titleEn));
        await EnsureAsync(draft, "draft");
        var dataset = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var published = await provider.PostAsync($"/api/catalog/datasets/{dataset}/publish", null);
        await EnsureAsync(published, "publish");
        return dataset;
    }

    /// <summary>A dataset document that meets what publishing requires.</summary>
    public static object Document(string titleKo, string titleEn) => new
    {
        titleKo, titleEn,
        descriptionKo = "프레스 설비의 진동과 하중을 1초 간격으로 기록한 센서 데이터",
        descriptionEn = "Vibration and load of press machines, one record a second",
        classification = new { processStage = "production", dataTypes = new[] { "sensor-time-series" } },
        structure = new { recordCount = 2_000_000, coverageFrom = "2023-01-01", coverageTo = "2024-12-31" },
        terms = new { purposes = new[] { "research", "ai-training" }, minDurationMonths = 1, maxDurationMonths = 36 },
    };

    /// <summary>The band's reference price for <see cref="Terms"/>, once Contracts has the dataset (its event arrived).</summary>
    public static async Task<decimal> ReferencePriceAsync(HttpClient buyer, Guid dataset)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var probe = await buyer.PostAsJsonAsync("/api/contracts/negotiations", new { datasetId = dataset, terms = Terms, priceKrw = 1 });
            var body = await probe.Content.ReadFromJsonAsync<JsonElement>();
            if (body.TryGetProperty("band", out var band))
            {
                return band.GetProperty("referencePriceKrw").GetDecimal();
            }

            if (attempt > 300)
            {
                throw new InvalidOperationException($"The dataset never became negotiable: {body}");
            }

            await Task.Delay(100);
        }
    }

    public static readonly string[] Actions = ["request", "offer", "accept", "agree", "verify", "finalize"];

    /// <summary>
    /// One negotiation from request to FINALIZED; <paramref name="send"/> makes each action's request (and may time it),
    /// and returns the answer's body once the answer is a success.
    /// </summary>
    public static async Task NegotiateAsync(HttpClient buyer, HttpClient provider, Guid dataset, decimal price,
        Func<string, Func<Task<HttpResponseMessage>>, Task<JsonElement>> send)
    {
        var n = await send("request", () => buyer.PostAsJsonAsync("/api/contracts/negotiations", new { datasetId = dataset, terms = Terms, priceKrw = price }));
        var id = n.GetProperty("id").GetGuid();
        await send("offer", () => provider.PostAsJsonAsync($"/api/contracts/negotiations/{id}/offer", new { }));
        await send("accept", () => buyer.PostAsJsonAsync($"/api/contracts/negotiations/{id}/accept", new { }));
        var agreed = await send("agree", () => provider.PostAsJsonAsync($"/api/contracts/negotiations/{id}/agree", new { }));
        var hash = agreed.GetProperty("agreementHash").GetString();
        await send("verify", () => buyer.PostAsJsonAsync($"/api/contracts/negotiations/{id}/verify", new { agreementHash = hash }));
        await send("finalize", () => provider.PostAsJsonAsync($"/api/contracts/negotiations/{id}/finalize", new { }));
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
