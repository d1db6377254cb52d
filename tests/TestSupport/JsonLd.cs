using System.Text.Json;

namespace Marketplace.TestSupport;

/// <summary>
/// JSON-LD expansion by a real processor (the <c>jsonld</c> npm package, see <see cref="Checkers"/>), with remote
/// contexts refused: a document must expand from its own inline context.
/// </summary>
public static class JsonLd
{
    public static JsonElement Expand(string document)
    {
        var (exitCode, output, errors) = Checkers.Node(document, "expand.mjs");
        Assert.True(exitCode == 0, $"JSON-LD expansion failed: {errors}\n{document}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
