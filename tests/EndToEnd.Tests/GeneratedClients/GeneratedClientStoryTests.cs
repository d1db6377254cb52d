namespace Marketplace.EndToEnd.Tests.GeneratedClients;

/// <summary>The demo story through Kiota-generated clients on the all-in-one marketplace; every answer is documented.</summary>
[Collection(SharedMarketplace.Name)]
public sealed class GeneratedClientStoryTests(AllInOneMarketplace fixture)
{
    [Fact]
    public async Task The_demo_story_runs_through_generated_clients_and_every_answer_is_documented()
    {
        var log = new RecordedExchanges();
        await GeneratedClientStory.RunAsync(fixture.BaseAddress, "demo-admin", "demo-admin-secret", log);

        Assert.True(log.All.Count > 20, $"only {log.All.Count} exchanges recorded");
        var undocumented = log.Undocumented();
        Assert.True(undocumented.Count == 0, string.Join('\n', undocumented));
    }
}
