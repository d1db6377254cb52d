using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Catalog.Tests;

/// <summary>Dataset documents and calls to the catalog API, as a provider's or buyer's client makes them.</summary>
public static class Datasets
{
    /// <summary>A word no other dataset has, so a test can search for its own datasets only.</summary>
    public static string NewTag() => $"tag{Guid.NewGuid():N}"[..16];

    public static JsonObject Document(
        string tag, string titleKo = "프레스 진동 데이터", string titleEn = "Press vibration data", string stage = "maintenance",
        string[]? dataTypes = null, string[]? formats = null, long records = 1000, Guid[]? restrictedTo = null, string industry = "C25") =>
        JsonSerializer.SerializeToNode(new
        {
            titleKo,
            titleEn,
            descriptionKo = "시험용 데이터셋",
            descriptionEn = "A dataset made by a test",
            keywords = new[] { tag },
            classification = new { processStage = stage, isa95Level = 2, industry, dataTypes = dataTypes ?? ["vibration-acoustic"], equipmentType = "Press" },
            structure = new
            {
                fields = new[] { new { name = "spindle_load", type = "float", unit = "%", description = (string?)null } },
                coverageFrom = "2024-01-01",
                coverageTo = "2024-06-30",
                samplingInterval = "PT1S",
                recordCount = records,
                sizeBytes = records * 100,
                formats = formats ?? ["csv"],
                updateFrequency = "monthly",
            },
            quality = new { completenessPercent = 97.5, labelled = false },
            preview = (object?)null,
            terms = new { purposes = new[] { "research", "ai-training" }, minDurationMonths = 3, maxDurationMonths = 24, askingPriceKrw = 5_000_000 },
            visibility = new { restricted = restrictedTo is not null, organisations = restrictedTo ?? [] },
        })!.AsObject();

    public static async Task<Guid> CreateAsync(HttpClient provider, JsonObject document)
    {
        var response = await provider.PostAsJsonAsync("/api/catalog/datasets", document);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create: {(int)response.StatusCode} {body}");
        return body.GetProperty("id").GetGuid();
    }

    public static async Task<Guid> PublishedAsync(HttpClient provider, JsonObject document)
    {
        var id = await CreateAsync(provider, document);
        var published = await provider.PostAsync($"/api/catalog/datasets/{id}/publish", null);
        Assert.True(published.IsSuccessStatusCode, $"publish: {(int)published.StatusCode} {await published.Content.ReadAsStringAsync()}");
        return id;
    }

    public static async Task<JsonElement> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/catalog/datasets?{query}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"search {query}: {(int)response.StatusCode} {body}");
        return body;
    }

    public static Guid[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    public static Dictionary<string, int> FacetCounts(JsonElement page, string facet) =>
        page.GetProperty("facets").GetProperty(facet).EnumerateArray().ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt32());

    public static string Q(params string[] words) => "q=" + Uri.EscapeDataString(string.Join(' ', words));
}
