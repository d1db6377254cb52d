using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.BuildingBlocks.Hosting;
using Marketplace.EndToEnd.Tests.Fuzzing;

namespace Marketplace.EndToEnd.Tests;

/// <summary>The OpenAPI documents tell the truth about access and errors: what a validating proxy or a generated client reads.</summary>
[Collection(SharedMarketplace.Name)]
public sealed class OpenApiDocumentTests(AllInOneMarketplace fixture)
{
    private static readonly string[] PublicOperations =
    [
        "GET /api/catalog/taxonomy", "GET /api/catalog/datasets", "GET /api/catalog/datasets/{id}", "GET /api/catalog/datasets/{id}/versions",
        "GET /api/catalog/datasets/{id}/versions/{version}", "GET /api/catalog/datasets/{id}/dcat", "GET /api/catalog/dcat",
        "GET /api/contracts/jwks", "GET /api/contracts/terms-vocabulary", "POST /api/identity/organisations",
    ];

    [Fact]
    public async Task Public_operations_ask_for_no_token_others_document_401_and_403_and_every_error_is_problem_json()
    {
        using var anonymous = fixture.Host.CreateClient();
        var failures = new List<string>();
        var operations = 0;
        foreach (var module in new[] { "catalog", "contracts", "pricing", "identity" })
        {
            var document = await anonymous.GetFromJsonAsync<JsonElement>($"/openapi/{module}.json");
            Assert.False(document.TryGetProperty("security", out _), $"{module}: no document-wide security requirement");
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
                {
                    operations++;
                    var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                    // Public: no requirement, or the explicit empty one ([{}]) that says a token is not needed.
                    var secured = operation.Value.TryGetProperty("security", out var security)
                        && security.EnumerateArray().Any(requirement => requirement.EnumerateObject().Any());
                    var responses = operation.Value.GetProperty("responses");
                    if (PublicOperations.Contains(name) == secured)
                    {
                        failures.Add($"{name}: {(secured ? "asks for a token but is public" : "asks for no token but needs one")}");
                    }

                    if (secured && !(responses.TryGetProperty("401", out _) && responses.TryGetProperty("403", out _)))
                    {
                        failures.Add($"{name}: 401/403 undocumented");
                    }

                    if (!responses.TryGetProperty("429", out _))
                    {
                        failures.Add($"{name}: 429 undocumented");
                    }

                    foreach (var parameter in operation.Value.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : [])
                    {
                        var parameterName = parameter.GetProperty("name").GetString()!;
                        if (char.IsUpper(parameterName[0]))
                        {
                            failures.Add($"{name}: parameter {parameterName} is not spelled as clients send it (camelCase)");
                        }
                    }

                    foreach (var response in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
                    {
                        if (!response.Value.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out _))
                        {
                            failures.Add($"{name} {response.Name}: not documented as problem+json");
                        }
                    }
                }
            }
        }

        Assert.True(operations > 50, $"only {operations} operations documented");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>
    /// docs/openapi holds each document as served (without the server, which is wherever it runs): integrators read
    /// them, and the generated-client tests are built from them. A stale file is rewritten and the test fails, so the
    /// change shows in the diff to commit.
    /// </summary>
    [Fact]
    public async Task The_documents_in_docs_openapi_are_the_ones_served()
    {
        using var anonymous = fixture.Host.CreateClient();
        var stale = new List<string>();
        foreach (var module in new[] { "catalog", "contracts", "pricing", "identity" })
        {
            var served = JsonNode.Parse(await anonymous.GetStringAsync($"/openapi/{module}.json"))!.AsObject();
            served.Remove("servers");
            var text = served.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
            var file = Path.Combine(TestServices.RepositoryRoot, "docs", "openapi", $"{module}.json");
            if (!File.Exists(file) || await File.ReadAllTextAsync(file) != text)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                await File.WriteAllTextAsync(file, text);
                stale.Add(file);
            }
        }

        Assert.True(stale.Count == 0, $"Rewritten to match what is served; review and commit: {string.Join(", ", stale)}");
    }

    [Fact]
    public async Task Redocly_lints_every_document_with_no_error_and_no_warning()
    {
        using var anonymous = fixture.Host.CreateClient();
        var folder = Directory.CreateTempSubdirectory("openapi-lint-");
        try
        {
            foreach (var module in new[] { "catalog", "contracts", "pricing", "identity" })
            {
                var file = Path.Combine(folder.FullName, $"{module}.json");
                await File.WriteAllTextAsync(file, await anonymous.GetStringAsync($"/openapi/{module}.json"));
                var (exitCode, output, errors) = Checkers.Node(null, "node_modules/@redocly/cli/bin/cli.js", "lint", "--config", "redocly.yaml", "--format", "json", file);
                var report = JsonDocument.Parse(output[output.IndexOf('{')..]).RootElement;
                var problems = report.GetProperty("problems").EnumerateArray()
                    .Select(p => $"{module}: {p.GetProperty("severity")} {p.GetProperty("ruleId")}: {p.GetProperty("message")}").ToList();
                Assert.True(problems.Count == 0 && exitCode == 0, $"redocly lint ({exitCode}):\n{string.Join('\n', problems)}\n{errors}");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A member the document lists as required is one the service refuses to do without: each valid example body,
    /// sent without one required member, answers 400 naming that member (camelCase), never a success.
    /// </summary>
    [Fact]
    public async Task Every_required_member_of_a_request_body_is_refused_when_missing()
    {
        using var anonymous = fixture.Host.CreateClient();
        var dataset = await fixture.DemoDatasetAsync("processStage=production&dataType=sensor-time-series");
        var examples = ExampleRequests.Bodies(dataset);
        var callers = new Dictionary<string, HttpClient>();
        var failures = new List<string>();
        var checkedMembers = 0;
        foreach (var module in new[] { "catalog", "contracts", "pricing", "identity" })
        {
            var document = await anonymous.GetFromJsonAsync<JsonElement>($"/openapi/{module}.json");
            foreach (var operation in OpenApiFuzzer.Operations(document).Where(o => examples.ContainsKey($"{o.Method} {o.Path}")))
            {
                var name = $"{operation.Method} {operation.Path}";
                if (operation.Body is not { } body || !Resolve(document, body.Schema).TryGetProperty("required", out var required))
                {
                    continue;
                }

                // Paths with an id are checked where the id is the caller's own organisation (validation comes before lookups elsewhere).
                var path = operation.Path.Replace("/organisations/{id}/", $"/organisations/{DemoOrganisations.BuyerA}/", StringComparison.Ordinal);
                if (path.Contains('{'))
                {
                    continue;
                }

                var caller = ExampleRequests.CallerFor(operation.Method, operation.Path);
                if (!callers.TryGetValue(caller, out var client))
                {
                    callers[caller] = client = await Tokens.DemoAsync(fixture.BaseAddress, caller);
                }

                foreach (var member in required.EnumerateArray().Select(m => m.GetString()!))
                {
                    var example = examples[name].DeepClone().AsObject();
                    if (!example.Remove(member))
                    {
                        failures.Add($"{name}: the example has no {member}");
                        continue;
                    }

                    checkedMembers++;
                    using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(operation.Method), path)
                    {
                        Content = JsonContent.Create(example),
                    });
                    var problem = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.BadRequest || !(problem.Contains($"\"{member}\"", StringComparison.Ordinal) || problem.Contains($"\"{member}.", StringComparison.Ordinal)))
                    {
                        failures.Add($"{name} without {member}: {(int)response.StatusCode} {problem}");
                    }
                }
            }
        }

        Assert.True(checkedMembers > 15, $"only {checkedMembers} required members checked");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    [Fact]
    public async Task The_public_operations_really_answer_without_a_token()
    {
        using var anonymous = fixture.Host.CreateClient();
        foreach (var path in new[] { "/api/catalog/taxonomy", "/api/catalog/datasets", "/api/catalog/dcat", "/api/contracts/jwks", "/api/contracts/terms-vocabulary" })
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
        }
    }
}
