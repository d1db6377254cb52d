using System.Net;
using System.Net.Http.Json;

namespace Marketplace.TestSupport;

/// <summary>A dataset from a client's side: create and publish it in Catalog, read its copy from Contracts.</summary>
public static class DatasetClient
{
    public sealed record Dataset(Guid Id, Guid ProviderOrganisationId, string Status, int Version, Titles Metadata)
    {
        public string? TitleKo => Metadata.TitleKo;
    }

    /// <summary>The part of a dataset's metadata document these tests look at.</summary>
    public sealed record Titles(string? TitleKo, string? TitleEn);

    public sealed record NegotiableDataset(
        Guid DatasetId, int Version, Guid ProviderOrganisationId, string? TitleKo, string? TitleEn, DateTime PublishedAt, DateTime SyncedAt);

    /// <summary>
    /// The least a dataset needs to be published: titles, a description, the process stage, a data type and
    /// the offered terms.
    /// </summary>
    public static object PublishableDocument(
        string titleKo = "사출성형기 온도 센서 데이터", string processStage = "production", string dataType = "sensor-time-series") => new
        {
            titleKo,
            titleEn = "Injection moulding machine temperature sensors",
            descriptionKo = "사출성형기 금형 온도를 1초 간격으로 기록한 센서 데이터",
            descriptionEn = "Mould temperature of injection moulding machines, one record a second",
            classification = new { processStage, dataTypes = new[] { dataType } },
            terms = new { purposes = new[] { "research", "ai-training" }, minDurationMonths = 1, maxDurationMonths = 36 },
        };

    /// <summary>The publishable document with every member present, as <c>PUT</c> (which replaces the whole document) wants it.</summary>
    public static Dictionary<string, object?> CompleteDocument(string titleKo = "사출성형기 온도 센서 데이터") => new()
    {
        ["titleKo"] = titleKo,
        ["titleEn"] = "Injection moulding machine temperature sensors",
        ["descriptionKo"] = "사출성형기 금형 온도를 1초 간격으로 기록한 센서 데이터",
        ["descriptionEn"] = "Mould temperature of injection moulding machines, one record a second",
        ["keywords"] = new[] { "사출" },
        ["classification"] = new { processStage = "production", dataTypes = new[] { "sensor-time-series" } },
        ["structure"] = new { },
        ["quality"] = new { },
        ["preview"] = null,
        ["terms"] = new { purposes = new[] { "research", "ai-training" }, minDurationMonths = 1, maxDurationMonths = 36 },
        ["visibility"] = new { restricted = false },
    };

    /// <summary>Creates a publishable draft as the provider whose token <paramref name="provider"/> carries.</summary>
    public static async Task<Dataset> CreateDraftAsync(HttpClient provider, string titleKo = "사출성형기 온도 센서 데이터")
    {
        var response = await provider.PostAsJsonAsync("/api/catalog/datasets", PublishableDocument(titleKo));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Dataset>())!;
    }

    public static async Task<Dataset> PublishAsync(HttpClient client, Guid id)
    {
        var response = await client.PostAsync($"/api/catalog/datasets/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Dataset>())!;
    }

    /// <summary>Contracts' copy of the dataset, or null while the event has not arrived.</summary>
    public static async Task<NegotiableDataset?> FindInContractsAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/contracts/datasets/{id}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<NegotiableDataset>();
    }

    public static Task<NegotiableDataset> AwaitInContractsAsync(HttpClient client, Guid id, TimeSpan? timeout = null) =>
        Eventually.GetAsync(() => FindInContractsAsync(client, id), timeout ?? TimeSpan.FromSeconds(30), $"dataset {id} to reach Contracts");
}
