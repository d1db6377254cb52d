using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Marketplace.EndToEnd.Tests;

/// <summary>The marketplace as README's first command runs it: one process, SQLite files, in-memory bus.</summary>
[Collection(SharedMarketplace.Name)]
public sealed class AllInOneTests(AllInOneMarketplace fixture)
{
    private HostProcess Host => fixture.Host;

    private string WorkingDirectory => fixture.WorkingDirectory;

    [Theory]
    [InlineData("GET", "/api/catalog/nothing", 404)]
    [InlineData("GET", "/api/catalog/datasets/not-a-guid", 404)]
    [InlineData("GET", "/api/nothing/at/all", 404)]
    [InlineData("DELETE", "/api/catalog/taxonomy", 405)]
    public async Task A_mistyped_path_or_method_is_404_or_405_for_anyone_not_401(string method, string path, int status)
    {
        using var anonymous = Host.CreateClient();
        using var signedIn = await Tokens.DemoAsync(Host.BaseAddress!, "demo-buyer-a");
        foreach (var client in new[] { anonymous, signedIn })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            if (status == 405)
            {
                Assert.Contains("GET", response.Content.Headers.Allow.Concat(response.Headers.TryGetValues("Allow", out var allow) ? allow : []));
            }
        }
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task The_data_folder_is_readable_by_its_owner_only_and_the_platform_signing_key_is_encrypted_at_rest()
    {
        using var anonymous = Host.CreateClient();
        (await anonymous.GetAsync("/api/contracts/jwks")).EnsureSuccessStatusCode(); // the platform key exists from here on

        var data = Path.Combine(WorkingDirectory, "data");
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        foreach (var folder in Directory.GetDirectories(data, "*", SearchOption.AllDirectories).Append(data))
        {
            Assert.True(File.GetUnixFileMode(folder) == ownerOnly, $"{folder} is {File.GetUnixFileMode(folder)}");
        }

        foreach (var file in Directory.GetFiles(data, "*.db").Concat(Directory.GetFiles(Path.Combine(data, "keys"))))
        {
            Assert.True((File.GetUnixFileMode(file) & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite)) == 0, $"{file} is {File.GetUnixFileMode(file)}");
        }

        await using var contractsDb = new SqliteConnection($"Data Source={Path.Combine(data, "contracts.db")};Mode=ReadOnly");
        await contractsDb.OpenAsync();
        await using var query = contractsDb.CreateCommand();
        query.CommandText = "SELECT private_key FROM signing_keys";
        var stored = (string)(await query.ExecuteScalarAsync())!;
        Assert.StartsWith("dp1:", stored);
        using var ecdsa = System.Security.Cryptography.ECDsa.Create();
        Assert.ThrowsAny<Exception>(() => ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(stored["dp1:".Length..]), out _));
    }

    [Fact]
    public async Task The_host_header_decides_neither_the_issuer_nor_links_and_a_token_works_at_every_address_of_the_host()
    {
        using var client = Host.CreateClient();
        var dataset = await fixture.DemoDatasetAsync("processStage=production&dataType=sensor-time-series");
        foreach (var path in new[] { "/.well-known/openid-configuration", $"/api/catalog/datasets/{dataset}/dcat" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = "evil.example";
            var body = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("evil.example", body);
            Assert.Contains(Host.BaseAddress!.Authority, body);
        }

        // Issued at 127.0.0.1, accepted at localhost: one issuer, whatever address the client used.
        var token = await Tokens.RequestAsync(client, "demo-buyer-a", "demo-buyer-a-secret");
        using var viaLocalhost = new HttpClient { BaseAddress = new UriBuilder(Host.BaseAddress!) { Host = "localhost" }.Uri };
        viaLocalhost.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await viaLocalhost.GetAsync("/api/contracts/negotiations")).StatusCode);
    }

    [Fact]
    public async Task The_platform_signing_key_rotates_after_its_lifetime_and_old_keys_stay_published()
    {
        await using var host = HostProcess.Start("all", new Dictionary<string, string>
        {
            ["Marketplace:Contracts:SigningKeyLifetime"] = "00:00:02",
            ["Marketplace:DataFolder"] = Directory.CreateTempSubdirectory("marketplace-keys-").FullName,
        });
        await host.WaitUntilHealthyAsync();
        using var client = host.CreateClient();
        async Task<string[]> KeyIdsAsync() =>
            [.. (await client.GetFromJsonAsync<JsonElement>("/api/contracts/jwks")).GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!)];

        var first = Assert.Single(await KeyIdsAsync());
        var rotated = await Eventually.GetAsync(async () => await KeyIdsAsync() is { Length: >= 2 } ids ? ids : null,
            TimeSpan.FromSeconds(60), "a second platform key");

        Assert.Contains(first, rotated);
    }

    [Fact]
    public async Task Published_dataset_reaches_contracts_read_model()
    {
        using var client = await Tokens.DemoAsync(Host.BaseAddress!, "demo-provider-x");
        var draft = await DatasetClient.CreateDraftAsync(client, "사출성형기 진동 데이터");
        Assert.Null(await DatasetClient.FindInContractsAsync(client, draft.Id));

        var correlationId = $"slice-{Guid.NewGuid():N}";
        client.DefaultRequestHeaders.Add("X-Correlation-Id", correlationId);
        var published = await DatasetClient.PublishAsync(client, draft.Id);
        var copy = await DatasetClient.AwaitInContractsAsync(client, draft.Id, TimeSpan.FromSeconds(10));

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
        Assert.Equal(["catalog-database", "contracts-database", "draining", "identity-database", "masstransit-bus", "pricing-database"], checks);
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
        Assert.True(problem.GetProperty("errors").TryGetProperty("titleEn", out _));

        var unknown = await client.PostAsync($"/api/catalog/datasets/{Guid.NewGuid()}/publish", null);
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound);

        var draft = await DatasetClient.CreateDraftAsync(client);
        await DatasetClient.PublishAsync(client, draft.Id);
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
