using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Pricing.Tests;

/// <summary>Requests to the pricing API as administrators and buyers make them.</summary>
public static class PricingApi
{
    public static JsonObject Factors() => JsonSerializer.SerializeToNode(Infrastructure.PricingSeeder.DemoFactors(), JsonSerializerOptions.Web)!.AsObject();

    public static JsonObject Baseline(string? stage, string? type, decimal basePrice, JsonObject? factors = null) => new()
    {
        ["processStage"] = stage,
        ["dataType"] = type,
        ["basePrice"] = basePrice,
        ["factors"] = factors ?? Factors(),
    };

    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<Guid> DraftAsync(HttpClient admin, JsonObject baseline) =>
        (await ExpectAsync(await admin.PostAsJsonAsync("/api/pricing/baselines", baseline), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    public static async Task<JsonElement> PublishAsync(HttpClient admin, Guid id, DateTime? effectiveFrom = null) =>
        await ExpectAsync(await admin.PostAsJsonAsync($"/api/pricing/baselines/{id}/publish", new { effectiveFrom }), HttpStatusCode.OK);

    public static Task<HttpResponseMessage> QuoteAsync(HttpClient client, Guid datasetId, string purpose = "internal-operations", int months = 12, bool exclusive = false, DateTime? at = null) =>
        client.PostAsJsonAsync("/api/pricing/quotes", new { datasetId, purpose, durationMonths = months, exclusive, at });

    /// <summary>Waits until Pricing's copy of the catalog has the dataset (it arrives by event).</summary>
    public static Task<JsonElement> QuoteWhenListedAsync(HttpClient client, Guid datasetId) =>
        Eventually.GetAsync<JsonElement?>(async () =>
        {
            var response = await QuoteAsync(client, datasetId);
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
        }, TimeSpan.FromSeconds(20), $"dataset {datasetId} to reach Pricing").ContinueWith(t => t.Result!.Value);
}
