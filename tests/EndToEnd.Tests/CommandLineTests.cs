namespace Marketplace.EndToEnd.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Unknown_target_prints_one_line_naming_the_valid_targets_and_exits_with_2()
    {
        var (exitCode, output) = await HostProcess.RunToExitAsync("--target", "billing");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("'billing'", line);
        Assert.Contains("all, catalog, contracts, pricing, identity, gateway", line);
    }
}
