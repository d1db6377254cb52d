using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Marketplace.EndToEnd.Tests.GeneratedClients;

/// <summary>Every request a generated client sent and what it got back, for the OpenAPI response validator.</summary>
public sealed class RecordedExchanges
{
    public sealed record Exchange(string Method, string Path, int Status, string? MediaType, string Body);

    private readonly ConcurrentQueue<Exchange> _exchanges = new();

    public IReadOnlyCollection<Exchange> All => _exchanges;

    public HttpMessageHandler Handler() => new Recorder(this);

    /// <summary>
    /// Runs every exchange through the validator in tests/checkers (ajv against the documents in docs/openapi): each
    /// status must be documented for its operation, and each body must match the documented media type and schema.
    /// </summary>
    public IReadOnlyList<string> Undocumented()
    {
        var input = JsonSerializer.Serialize(new
        {
            documents = Path.Combine(TestServices.RepositoryRoot, "docs", "openapi"),
            exchanges = _exchanges,
        }, JsonSerializerOptions.Web);
        var (exitCode, output, errors) = Checkers.Node(input, "validate-responses.mjs");
        Assert.True(exitCode == 0, $"the response validator failed to run: {errors}");
        return JsonSerializer.Deserialize<string[]>(output)!;
    }

    private sealed class Recorder(RecordedExchanges log) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var response = await base.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            log._exchanges.Enqueue(new Exchange(request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode, mediaType, body));
            // The body was read: hand the client an identical copy.
            var copy = new StringContent(body, Encoding.UTF8);
            copy.Headers.ContentType = response.Content.Headers.ContentType ?? new MediaTypeHeaderValue("application/octet-stream");
            response.Content = copy;
            return response;
        }
    }
}
