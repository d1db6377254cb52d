using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.TestSupport;

/// <summary>
/// A scripted Dataspace Protocol 2025-1 consumer, as an enterprise's connector talks to the marketplace (HTTPS binding,
/// a marketplace token as its credentials): every message it sends and every answer it reads is checked against the DSP
/// schemas after JSON-LD compaction with the DSP context (<see cref="LinkedData.DspMessage"/>). Its cases are named after the DSP TCK's.
/// </summary>
public sealed class DspConsumer(HttpClient client)
{
    public sealed record Answer(HttpStatusCode Status, JsonElement Compacted, HttpResponseMessage Response);

    /// <summary>MET:01-01: the version metadata at the root; returns the DSP base path it names for 2025-1.</summary>
    public async Task<string> VersionAsync()
    {
        var response = await client.GetAsync("/.well-known/dspace-version");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var (metadata, errors) = LinkedData.DspMessage(text, "common/protocol-version-schema.json", jsonLd: false);
        Assert.Empty(errors);
        var version = Assert.Single(metadata.GetProperty("protocolVersions").EnumerateArray(), v => v.GetProperty("version").GetString() == "2025-1");
        Assert.Equal("HTTPS", version.GetProperty("binding").GetString());
        return version.GetProperty("path").GetString()!;
    }

    /// <summary>A CatalogRequestMessage to <paramref name="url"/> (the catalog, or a page's <c>next</c> link); the answer checked as a Catalog or a CatalogError.</summary>
    public Task<Answer> CatalogAsync(string url, string? body = null)
    {
        if (body is null)
        {
            body = """{"@context":["https://w3id.org/dspace/2025/1/context.jsonld"],"@type":"CatalogRequestMessage","filter":[]}""";
            Sent(body, "CatalogRequestMessage");
        }

        return ReadAsync(client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json")), "catalog/catalog-schema.json");
    }

    /// <summary>A dataset by its id (the last segment of its IRI); the answer checked as a Dataset or a CatalogError.</summary>
    public Task<Answer> DatasetAsync(string url) => ReadAsync(client.GetAsync(url), "catalog/dataset-schema.json");

    /// <summary>
    /// A ContractRequestMessage for a catalog offer by its <c>@id</c> (with the price it names when
    /// <paramref name="payAmount"/> is given) to <c>{dsp}/negotiations/request</c>; the answer checked as a
    /// ContractNegotiation (201) or a ContractNegotiationError.
    /// </summary>
    public Task<Answer> RequestNegotiationAsync(string dsp, string offer, string consumerPid, string callbackAddress, decimal? payAmount = null) =>
        RequestNegotiationAsync(dsp, Offer(offer, payAmount), consumerPid, callbackAddress);

    /// <summary>A ContractRequestMessage with an offer written out (the catalog's, changed or not).</summary>
    public Task<Answer> RequestNegotiationAsync(string dsp, JsonNode offer, string consumerPid, string callbackAddress) =>
        SendAsync($"{dsp}/negotiations/request", "ContractRequestMessage", new Dictionary<string, object>
        {
            ["consumerPid"] = consumerPid,
            ["offer"] = offer,
            ["callbackAddress"] = callbackAddress,
        });

    /// <summary>The consumer's counter-offer on a negotiation: the offer <paramref name="offer"/> at another price.</summary>
    public Task<Answer> CounterAsync(string dsp, string providerPid, string consumerPid, string offer, decimal payAmount) =>
        CounterAsync(dsp, providerPid, consumerPid, Offer(offer, payAmount));

    /// <summary>The consumer's counter-offer on a negotiation, its offer written out.</summary>
    public Task<Answer> CounterAsync(string dsp, string providerPid, string consumerPid, JsonNode offer) =>
        SendAsync($"{dsp}/negotiations/{providerPid}/request", "ContractRequestMessage", new Dictionary<string, object>
        {
            ["providerPid"] = providerPid,
            ["consumerPid"] = consumerPid,
            ["offer"] = offer,
        });

    /// <summary>
    /// An offer by its <c>@id</c> (with the one rule a DSP offer must have: the marketplace reads terms it does not name as
    /// the offer's), with the price it names (a duty to compensate, payAmount in KRW) when given.
    /// </summary>
    private static JsonObject Offer(string offer, decimal? payAmount)
    {
        var use = new JsonObject { ["action"] = "use" };
        if (payAmount is { } amount)
        {
            use["duty"] = new JsonArray(new JsonObject
            {
                ["action"] = "compensate",
                ["constraint"] = new JsonArray(new JsonObject
                {
                    ["leftOperand"] = "payAmount", ["operator"] = "eq",
                    ["rightOperand"] = new JsonObject { ["@value"] = amount.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                }),
            });
        }

        return new JsonObject { ["@id"] = offer, ["@type"] = "Offer", ["permission"] = new JsonArray(use) };
    }

    /// <summary>CN:02-01: the negotiation at its provider address, a ContractNegotiation or a ContractNegotiationError.</summary>
    public Task<Answer> NegotiationAsync(string url) =>
        ReadAsync(client.GetAsync(url), "negotiation/contract-negotiation-schema.json", "negotiation/contract-negotiation-error-schema.json");

    /// <summary>
    /// A consumer's message of <paramref name="type"/> with <paramref name="members"/> to <paramref name="url"/>: an
    /// accepted message answers 200 (a request 201 with the negotiation), a refused one a ContractNegotiationError.
    /// </summary>
    /// <remarks>
    /// The message itself is first checked against its DSP schema, as the marketplace receives it, unless
    /// <paramref name="wellFormed"/> is false (a test sending what DSP does not allow, to see it refused).
    /// </remarks>
    public Task<Answer> SendAsync(string url, string type, IReadOnlyDictionary<string, object> members, bool wellFormed = true)
    {
        var message = new Dictionary<string, object> { ["@context"] = new[] { "https://w3id.org/dspace/2025/1/context.jsonld" }, ["@type"] = type };
        foreach (var (name, value) in members)
        {
            message[name] = value;
        }

        var json = JsonSerializer.Serialize(message);
        if (wellFormed)
        {
            Sent(json, type);
        }

        return ReadAsync(client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json")),
            "negotiation/contract-negotiation-schema.json", "negotiation/contract-negotiation-error-schema.json");
    }

    /// <summary>A message the consumer sends, checked against the DSP schema of its type after JSON-LD compaction.</summary>
    private static void Sent(string json, string type)
    {
        var schema = type switch
        {
            "CatalogRequestMessage" => "catalog/catalog-request-message-schema.json",
            "ContractRequestMessage" => "negotiation/contract-request-message-schema.json",
            "ContractNegotiationEventMessage" => "negotiation/contract-negotiation-event-message-schema.json",
            "ContractAgreementVerificationMessage" => "negotiation/contract-agreement-verification-message-schema.json",
            "ContractNegotiationTerminationMessage" => "negotiation/contract-negotiation-termination-message-schema.json",
            _ => throw new ArgumentException($"No DSP schema for a {type} here.", nameof(type)),
        };
        var (_, errors) = LinkedData.DspMessage(json, schema);
        Assert.True(errors.Length == 0, $"the consumer's {type} is not valid DSP: {string.Join("; ", errors)}\n{json}");
    }

    /// <summary>A message the marketplace sent the connector's callback server, checked against <paramref name="schema"/>; compacted.</summary>
    public static JsonElement Callback(CallbackServer.Received received, string schema)
    {
        Assert.StartsWith("Bearer ", received.Authorization);
        var (compacted, errors) = LinkedData.DspMessage(received.Body, schema);
        Assert.True(errors.Length == 0, $"{received.Path}: {string.Join("; ", errors)}\n{received.Body}");
        return compacted;
    }

    private static Task<Answer> ReadAsync(Task<HttpResponseMessage> sending, string schema) => ReadAsync(sending, schema, "catalog/catalog-error-schema.json");

    private static async Task<Answer> ReadAsync(Task<HttpResponseMessage> sending, string schema, string errorSchema)
    {
        var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        var ok = response.IsSuccessStatusCode;
        if (ok && text.Length == 0)
        {
            return new Answer(response.StatusCode, default, response);
        }

        if (!ok && response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return new Answer(response.StatusCode, default, response);
        }

        var (compacted, errors) = LinkedData.DspMessage(text, ok ? schema : errorSchema);
        Assert.True(errors.Length == 0, $"{response.RequestMessage?.RequestUri}: {string.Join("; ", errors)}\n{text}");
        return new Answer(response.StatusCode, compacted, response);
    }
}
