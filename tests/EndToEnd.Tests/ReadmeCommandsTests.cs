using System.Diagnostics;
using System.Text.Json;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// README's curl examples, pasted into a shell as written (only the address changed to this test's marketplace):
/// each one exits 0 and answers JSON that is not an error. A newcomer's first commands must work.
/// </summary>
[Collection(SharedMarketplace.Name)]
public sealed class ReadmeCommandsTests(AllInOneMarketplace fixture)
{
    [Fact]
    public async Task Every_curl_example_in_the_readme_works_pasted_as_written()
    {
        var commands = Commands(await File.ReadAllLinesAsync(Path.Combine(TestServices.RepositoryRoot, "README.md")))
            .Where(c => c.StartsWith("curl ", StringComparison.Ordinal)).ToList();
        Assert.True(commands.Count >= 3, $"only {commands.Count} curl examples found");
        foreach (var command in commands)
        {
            var (exitCode, output, errors) = await BashAsync(command.Replace("http://localhost:5000", fixture.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal));
            Assert.True(exitCode == 0, $"{command}\nexit {exitCode}: {errors}");
            var answer = JsonDocument.Parse(output).RootElement;
            Assert.False(answer.ValueKind == JsonValueKind.Object && (answer.TryGetProperty("error", out _) || answer.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number),
                $"{command}\nanswered an error: {output}");
        }
    }

    /// <summary>The indented code lines of a Markdown file, with backslash continuations joined into one command each.</summary>
    private static IEnumerable<string> Commands(string[] lines)
    {
        var command = "";
        foreach (var line in lines.Where(l => l.StartsWith("    ", StringComparison.Ordinal) && !l.TrimStart().StartsWith('|')))
        {
            command += line.Trim();
            if (command.EndsWith('\\'))
            {
                command = command[..^1] + " ";
                continue;
            }

            yield return command;
            command = "";
        }
    }

    private static async Task<(int ExitCode, string Output, string Errors)> BashAsync(string command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, errors);
    }
}
