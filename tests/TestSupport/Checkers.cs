using System.Diagnostics;

namespace Marketplace.TestSupport;

/// <summary>
/// Runs checkers the project did not write — a JSON-LD processor, Redocly's OpenAPI linter, ajv, a SHACL engine —
/// installed from npm by scripts/test.sh into tests/checkers, with no network: standards are read from standards/.
/// </summary>
public static class Checkers
{
    public static string Folder => Path.Combine(TestServices.RepositoryRoot, "tests", "checkers");

    public static string Standards => Path.Combine(TestServices.RepositoryRoot, "standards");

    /// <summary>Runs <c>node</c> with the arguments in tests/checkers, <paramref name="input"/> on stdin; returns exit code and output.</summary>
    public static (int ExitCode, string Output, string Errors) Node(string? input, params string[] arguments)
    {
        Assert.True(Directory.Exists(Path.Combine(Folder, "node_modules")),
            $"The checkers are not installed: run `npm ci --prefix {Folder}` (scripts/test.sh does).");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Write(input ?? "");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, errors);
    }
}
