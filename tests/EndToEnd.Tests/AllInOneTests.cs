using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Marketplace.EndToEnd.Tests;

/// <summary>The marketplace as README's first command runs it: one process, SQLite files, in-memory bus.</summary>
public sealed class AllInOneTests(AllInOneMarketplace fixture) : IClassFixture<AllInOneMarketplace>
{
    private HostProcess Host => fixture.Host;

    private string WorkingDirectory => fixture.WorkingDirectory;

    [Fact]
    public async Task Published_dataset_reaches_contracts_read_model()
    {
        using var client = await Tokens.DemoAsync(Host.BaseAddress!, "demo-provider-x");
        var draft = await SliceClient.CreateDraftAsync(client, "사출성형기 진동 데이터");
        Assert.Null(await SliceClient.FindInContractsAsync(client, draft.Id));

        var correlationId = $"slice-{Guid.NewGuid():N}";
        client.DefaultRequestHeaders.Add("X-Correlation-Id", correlationId);
        var published = await SliceClient.PublishAsync(client, draft.Id);
        var copy = await SliceClient.AwaitInContractsAsync(client, draft.Id, TimeSpan.FromSeconds(10));

        // The publishing request's correlation id travelled with the event to the consumer.
        await using var contractsDb = new SqliteConnection($"Data Source={Path.Combine(WorkingDirectory, "data", "contracts.db")}");
        await contractsDb.OpenAsync();
        await using var query = contractsDb.CreateCommand();
        query.CommandText = "SELECT count(*) FROM inbox_messages WHERE correlation_id = $id";
        query.Parameters.AddWithValue("$id", correlationId);
        Assert.Equal(1L, (long)(await query.ExecuteScalarAsync())!);

        Assert.Equal("Published", published.Status);
        Assert.Equal(1, copy.Version);
        Assert.Equal("사출성형기 진동 데이터", copy.TitleKo);
        Assert.Equal(draft.ProviderOrganisationId, copy.ProviderOrganisationId);
    }

    [Fact]
    public async Task Embedded_mode_keeps_one_sqlite_file_per_module_in_the_data_folder()
    {
        var files = Directory.GetFiles(Path.Combine(WorkingDirectory, "data"), "*.db").Select(Path.GetFileName).Order();
        Assert.Equal(["catalog.db", "contracts.db", "identity.db", "pricing.db"], files);

        using var client = Host.CreateClient();
        var health = await client.GetFromJsonAsync<JsonElement>("/health/ready");
        var checks = health.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order();
        Assert.Equal(["catalog-database", "contracts-database", "identity-database", "masstransit-bus", "pricing-database"], checks);
    }

    [Fact]
    public async Task Swagger_ui_lists_every_module_document()
    {
        using var client = Host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/index.html")).StatusCode);
        var uiConfig = await client.GetStringAsync("/swagger/index.js");
        foreach (var module in MicroservicesCluster.ServiceTargets)
        {
            Assert.Contains($"/openapi/{module}.json", uiConfig);
            var document = await client.GetFromJsonAsync<JsonElement>($"/openapi/{module}.json");
            Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        }

        var catalog = await client.GetFromJsonAsync<JsonElement>("/openapi/catalog.json");
        Assert.True(catalog.GetProperty("paths").TryGetProperty("/api/catalog/datasets/{id}/publish", out _));
        Assert.False(catalog.GetProperty("paths").TryGetProperty("/api/contracts/datasets/{id}", out _));
        // The UI's "Authorize" button signs in with an API client, or as a person through the sign-in page.
        var flows = catalog.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("flows");
        Assert.Equal("/connect/token", flows.GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
        Assert.Equal("/connect/authorize", flows.GetProperty("authorizationCode").GetProperty("authorizationUrl").GetString());
        Assert.Contains("\"usePkceWithAuthorizationCodeGrant\":true", uiConfig.Replace(" ", ""));
        Assert.Contains("marketplace-web", uiConfig);
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_never_a_server_error()
    {
        using var client = await Tokens.DemoAsync(Host.BaseAddress!, "demo-provider-x");

        var malformed = await client.PostAsync("/api/catalog/datasets", new StringContent("{not json", null, "application/json"));
        await AssertProblemAsync(malformed, HttpStatusCode.BadRequest);

        var tooLong = await client.PostAsJsonAsync("/api/catalog/datasets", new { titleKo = "", titleEn = new string('x', 201) });
        var problem = await AssertProblemAsync(tooLong, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("TitleEn", out _));

        var unknown = await client.PostAsync($"/api/catalog/datasets/{Guid.NewGuid()}/publish", null);
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound);

        var draft = await SliceClient.CreateDraftAsync(client);
        await SliceClient.PublishAsync(client, draft.Id);
        var again = await client.PostAsync($"/api/catalog/datasets/{draft.Id}/publish", null);
        await AssertProblemAsync(again, HttpStatusCode.Conflict);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
