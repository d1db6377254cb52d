using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.EndToEnd.Tests;

/// <summary>The OpenAPI documents tell the truth about access and errors: what a validating proxy or a generated client reads.</summary>
public sealed class OpenApiDocumentTests(AllInOneMarketplace fixture) : IClassFixture<AllInOneMarketplace>
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
                    var secured = operation.Value.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
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
