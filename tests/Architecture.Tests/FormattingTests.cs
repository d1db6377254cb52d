using System.Diagnostics;
using Marketplace.TestSupport;

namespace Marketplace.Architecture.Tests;

/// <summary>
/// The code is formatted as <c>dotnet format</c> wants it. Style and analyzer rules fail the build already
/// (<c>EnforceCodeStyleInBuild</c>, warnings as errors); <c>dotnet format whitespace</c> adds what the build does not
/// check, such as the order of <c>using</c> directives, in seconds and without a second compilation. A test, so that
/// CI's closing line counts it.
/// </summary>
public sealed class FormattingTests
{
    [Fact]
    public async Task Dotnet_format_finds_nothing_to_change()
    {
        var start = new ProcessStartInfo("dotnet", ["format", "whitespace", "Marketplace.sln", "--verify-no-changes", "--verbosity", "minimal"])
        {
            WorkingDirectory = TestServices.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var format = Process.Start(start)!;
        var output = format.StandardOutput.ReadToEndAsync();
        var errors = format.StandardError.ReadToEndAsync();
        await format.WaitForExitAsync();
        Assert.True(format.ExitCode == 0, $"dotnet format would change files (run `dotnet format Marketplace.sln`):\n{await output}\n{await errors}");
    }
}
