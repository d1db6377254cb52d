using System.Text.Json;

namespace Marketplace.TestSupport;

/// <summary>Standards checks of the marketplace's linked data, by checkers it did not write (see <see cref="Checkers"/>).</summary>
public static class LinkedData
{
    private static readonly Checkers.Session DspChecker = new("dsp-message.mjs");

    public sealed record ShaclResult(string Severity, string? FocusNode, string? Path, string Message);

    /// <summary>Every result of the official DCAT-AP 3.0.1 shapes (mandatory, recommended, ranges) for the document.</summary>
    public static IReadOnlyList<ShaclResult> DcatApResults(string document)
    {
        var folder = Path.Combine(Checkers.Standards, "dcat-ap-3.0.1");
        var input = JsonSerializer.Serialize(new
        {
            document,
            shapes = new[] { "shapes.ttl", "shapes_recommended.ttl", "range.ttl" }.Select(f => Path.Combine(folder, f)),
        });
        var (exitCode, output, errors) = Checkers.Node(input, "validate-shacl.mjs");
        Assert.True(exitCode == 0, $"SHACL validation failed to run: {errors}");
        return JsonSerializer.Deserialize<ShaclResult[]>(output, JsonSerializerOptions.Web)!;
    }

    /// <summary>
    /// The ODRL agreement wrapped in a Dataspace Protocol ContractAgreementMessage and compacted with the DSP 2025-1
    /// context; returns the message and what its JSON schemas say against it (nothing when it validates).
    /// </summary>
    public static (JsonElement Message, string[] Errors) DspAgreementMessage(string agreement, string providerPid, string consumerPid)
    {
        var (exitCode, output, errors) = Checkers.Node(JsonSerializer.Serialize(new { agreement, providerPid, consumerPid }), "dsp-agreement.mjs");
        Assert.True(exitCode == 0, $"DSP validation failed to run: {errors}");
        var result = JsonDocument.Parse(output).RootElement;
        return (result.GetProperty("message").Clone(), result.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    /// <summary>
    /// A Dataspace Protocol document as a connector receives it, checked against the DSP 2025-1 JSON schema named by its
    /// path under the DSP <c>$id</c> (e.g. <c>catalog/catalog-schema.json</c>); a JSON-LD document (<paramref name="jsonLd"/>)
    /// is first compacted with the DSP context. Returns the compacted document and what the schema says against it.
    /// </summary>
    public static (JsonElement Compacted, string[] Errors) DspMessage(string document, string schema, bool jsonLd = true)
    {
        var output = DspChecker.Ask(JsonSerializer.Serialize(new { document = JsonDocument.Parse(document).RootElement, schema, jsonLd }));
        var result = JsonDocument.Parse(output).RootElement;
        return (result.GetProperty("compacted").Clone(), result.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }
}
