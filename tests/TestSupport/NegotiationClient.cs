using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.TestSupport;

/// <summary>Contract negotiation from the parties' side, through the real API: datasets to negotiate, each action, the band.</summary>
public static class NegotiationClient
{
    public static readonly string[] Actions = ["offer", "counter", "accept", "agree", "verify", "finalize", "terminate"];

    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// Publishes a dataset as <paramref name="provider"/> (a category, 24 months of history, offered for
    /// research and AI training for 1–36 months, optionally visible to named organisations only) and waits
    /// until Contracts has it.
    /// </summary>
    public static async Task<Guid> PublishDatasetAsync(
        HttpClient provider, string processStage = "production", string dataType = "sensor-time-series", Guid[]? visibleTo = null, bool exclusivity = true)
    {
        var draft = await ExpectAsync(await provider.PostAsJsonAsync("/api/catalog/datasets", new
        {
            titleKo = "프레스 진동 데이터",
            titleEn = "Press vibration data",
            descriptionKo = "프레스 라인의 진동 센서 데이터",
            classification = new { processStage, dataTypes = new[] { dataType } },
            structure = new { recordCount = 2_000_000, coverageFrom = "2023-01-01", coverageTo = "2024-12-31" },
            terms = new { purposes = new[] { "research", "ai-training" }, minDurationMonths = 1, maxDurationMonths = 36, exclusivityAvailable = exclusivity },
            visibility = new { restricted = visibleTo is not null, organisations = visibleTo ?? [] },
        }), HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetGuid();
        await ExpectAsync(await provider.PostAsync($"/api/catalog/datasets/{id}/publish", null), HttpStatusCode.OK);
        await DatasetClient.AwaitInContractsAsync(provider, id);
        return id;
    }

    public static object Terms(string purpose = "research", int months = 12, bool exclusive = false) =>
        new { purposes = new[] { purpose }, durationMonths = months, exclusive };

    public static Task<HttpResponseMessage> RequestAsync(HttpClient buyer, Guid datasetId, decimal price, object? terms = null) =>
        buyer.PostAsJsonAsync("/api/contracts/negotiations", new { datasetId, terms = terms ?? Terms(), priceKrw = price });

    /// <summary>
    /// The band for these terms now, as the 422 for a price of 1 won names it, once Contracts has the dataset and a baseline
    /// for it (a deadline, not a wait: on a loaded machine the demo data can take a while to reach Contracts).
    /// </summary>
    public static async Task<JsonElement> BandAsync(HttpClient buyer, Guid datasetId, object? terms = null)
    {
        var last = "";
        try
        {
            return (await Eventually.GetAsync<JsonElement?>(async () =>
            {
                var response = await RequestAsync(buyer, datasetId, 1m, terms);
                var text = await response.Content.ReadAsStringAsync();
                last = $"{(int)response.StatusCode} {text}";
                return response.StatusCode == HttpStatusCode.UnprocessableEntity && JsonDocument.Parse(text).RootElement.TryGetProperty("band", out var band)
                    ? band.Clone()
                    : null;
            }, TimeSpan.FromSeconds(60), $"a band for {datasetId}"))!.Value;
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} The last answer: {last}", e);
        }
    }

    /// <summary>The reference price for these terms now: the middle of the band, always inside it.</summary>
    public static async Task<decimal> ReferencePriceAsync(HttpClient buyer, Guid datasetId, object? terms = null) =>
        (await BandAsync(buyer, datasetId, terms)).GetProperty("referencePriceKrw").GetDecimal();

    public static async Task<JsonElement> OpenAsync(HttpClient buyer, Guid datasetId, decimal price, object? terms = null) =>
        await ExpectAsync(await RequestAsync(buyer, datasetId, price, terms), HttpStatusCode.Created);

    public static Task<HttpResponseMessage> ActAsync(HttpClient client, Guid negotiation, string action, object? body = null) =>
        client.PostAsJsonAsync($"/api/contracts/negotiations/{negotiation}/{action}", body ?? new { });

    public static async Task<JsonElement> ActOkAsync(HttpClient client, Guid negotiation, string action, object? body = null) =>
        await ExpectAsync(await ActAsync(client, negotiation, action, body), HttpStatusCode.OK);

    /// <summary>The buyer's verification, naming the hash of the agreement it read.</summary>
    public static async Task<JsonElement> VerifyAsync(HttpClient buyer, JsonElement negotiation)
    {
        var agreement = await buyer.GetFromJsonAsync<JsonElement>($"/api/contracts/agreements/{negotiation.GetProperty("agreementId").GetGuid()}");
        Assert.Equal(agreement.GetProperty("hash").GetString(), negotiation.GetProperty("agreementHash").GetString());
        return await ActOkAsync(buyer, negotiation.GetProperty("id").GetGuid(), "verify", new { agreementHash = agreement.GetProperty("hash").GetString() });
    }

    /// <summary>From a new request to <paramref name="state"/> by the shortest legal path; returns the negotiation as last answered.</summary>
    public static async Task<JsonElement> DriveAsync(HttpClient buyer, HttpClient provider, Guid datasetId, decimal price, string state)
    {
        var n = await OpenAsync(buyer, datasetId, price);
        var id = n.GetProperty("id").GetGuid();
        foreach (var (next, client, action) in new[] { ("OFFERED", provider, "offer"), ("ACCEPTED", buyer, "accept"), ("AGREED", provider, "agree"), ("VERIFIED", buyer, "verify"), ("FINALIZED", buyer, "finalize") })
        {
            if (state is "REQUESTED" or "TERMINATED" || n.GetProperty("state").GetString() == state)
            {
                break;
            }

            n = action == "verify" ? await VerifyAsync(buyer, n) : await ActOkAsync(client, id, action);
            Assert.Equal(next, n.GetProperty("state").GetString());
        }

        if (state == "TERMINATED")
        {
            n = await ActOkAsync(buyer, id, "terminate", new { reason = "no-longer-needed" });
        }

        Assert.Equal(state, n.GetProperty("state").GetString());
        return n;
    }

    /// <summary>A baseline for the default category (categories without their own), as an administrator posts it.</summary>
    public static object DefaultBaseline() => new
    {
        basePrice = 5_000_000,
        factors = new
        {
            volumeTiers = new[] { new { from = 0, multiplier = 1 } },
            historyTiers = new[] { new { from = 0, multiplier = 1 } },
            qualityGrades = new Dictionary<string, decimal> { ["A"] = 1.2m, ["B"] = 1m, ["C"] = 0.8m },
            exclusivityMultiplier = 2,
            purposeMultipliers = new Dictionary<string, decimal>
            {
                ["research"] = 0.7m, ["internal-operations"] = 1m, ["product-development"] = 1.3m, ["ai-training"] = 1.5m, ["derived-products-resale"] = 2m,
            },
            durationStepAbove12 = 0.05, durationStepBelow12 = 0.05, floorPercent = 70, ceilingPercent = 150, platformFeePercent = 10, wellDescribedFeePercent = 7,
        },
    };
}
