using System.Diagnostics;
using System.Text.Json;

namespace Marketplace.TestSupport;

/// <summary>
/// JSON-LD expansion by a real processor (the <c>jsonld</c> npm package, installed by scripts/test.sh into
/// tests/jsonld), with remote contexts refused: a document must expand from its own inline context.
/// </summary>
public static class JsonLd
{
    public static JsonElement Expand(string document)
    {
        var folder = Path.Combine(TestServices.RepositoryRoot, "tests", "jsonld");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "jsonld")),
            $"The JSON-LD processor is not installed: run `npm ci --prefix {folder}` (scripts/test.sh does).");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("expand.mjs");
        using var process = Process.Start(start)!;
        process.StandardInput.Write(document);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"JSON-LD expansion failed: {errors}\n{document}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
