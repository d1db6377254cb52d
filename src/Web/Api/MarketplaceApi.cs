using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Web.Session;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Web.Api;

/// <summary>
/// The console's only way to the marketplace: the public REST API at the gateway, as the signed-in person
/// (their access token) or anonymously. Every answer comes back as it is, problems included, for the page
/// to show next to the field they name.
/// </summary>
public sealed class MarketplaceApi(HttpClient http, IHttpContextAccessor accessor)
{
    public Task<ApiAnswer> GetAsync(string path, CancellationToken ct = default) => SendAsync(HttpMethod.Get, path, body: null, ct);

    public Task<ApiAnswer> PostAsync(string path, object? body, CancellationToken ct = default) => SendAsync(HttpMethod.Post, path, body, ct);

    public Task<ApiAnswer> PutAsync(string path, object? body, string? ifMatch, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Put, path, body, ct, ifMatch);

    public Task<ApiAnswer> DeleteAsync(string path, CancellationToken ct = default) => SendAsync(HttpMethod.Delete, path, body: null, ct);

    public async Task<ApiAnswer> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (accessor.HttpContext is { } context
            && await context.GetTokenAsync(ConsoleSession.CookieScheme, "access_token") is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body, options: Json.Web);
        }

        try
        {
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var json = text.Length > 0 && (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) ?? false)
                ? JsonDocument.Parse(text).RootElement.Clone()
                : default;
            return new ApiAnswer((int)response.StatusCode, json, response.Headers.ETag?.ToString()) { Text = json.ValueKind == JsonValueKind.Undefined ? text : null };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // The marketplace did not answer: the page says so instead of failing.
            return ApiAnswer.Unreachable;
        }
    }
}

/// <summary>An API answer: its status, its JSON body (undefined when none) and its entity tag.</summary>
public sealed record ApiAnswer(int Status, JsonElement Body, string? ETag)
{
    public static readonly ApiAnswer Unreachable = new(StatusCodes.Status503ServiceUnavailable, default, null);

    /// <summary>A body that is not JSON (an agreement's Markdown text), as it came.</summary>
    public string? Text { get; init; }

    public bool Ok => Status is >= 200 and < 300;

    /// <summary>The problem document of a failed call (RFC 9457), with the fields it names.</summary>
    public ApiProblem? Problem => Ok ? null : ApiProblem.From(Status, Body);
}

/// <summary>What went wrong: a title, a detail and, per member as the API spells it, the messages.</summary>
public sealed record ApiProblem(int Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static ApiProblem From(int status, JsonElement body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("errors", out var members) && members.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in members.EnumerateObject())
            {
                errors[member.Name] = member.Value.ValueKind == JsonValueKind.Array
                    ? [.. member.Value.EnumerateArray().Select(m => m.ToString())]
                    : [member.Value.ToString()];
            }
        }

        return new ApiProblem(status, body.Str("title"), body.Str("detail"), errors);
    }

    /// <summary>Messages for one member, however deep the API found it.</summary>
    public IEnumerable<string> For(string member) =>
        Errors.Where(e => Names(e.Key, member)).SelectMany(e => e.Value);

    /// <summary>Messages no field on the page shows.</summary>
    public IEnumerable<string> Besides(IEnumerable<string> shown) =>
        Errors.Where(e => !shown.Any(member => Names(e.Key, member))).SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"));

    /// <summary>The API's member path names the form's field: <c>priceKrw</c>, or <c>terms.durationMonths</c> for <c>durationMonths</c>.</summary>
    private static bool Names(string path, string member) =>
        path.Equals(member, StringComparison.OrdinalIgnoreCase) || path.EndsWith("." + member, StringComparison.OrdinalIgnoreCase);
}
