using System.Text.Json;
using Marketplace.Web.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Components.Parts;

/// <summary>
/// The catalog's vocabularies (process stages, data types, …) with their Korean and English labels, read once
/// from the public taxonomy endpoint and kept for ten minutes.
/// </summary>
public sealed class Labels(IServiceScopeFactory scopes)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);
    private (JsonElement Taxonomy, DateTime ReadAt)? _cached;

    public async Task<JsonElement> TaxonomyAsync(CancellationToken ct = default)
    {
        if (_cached is { } cached && DateTime.UtcNow - cached.ReadAt < KeepFor)
        {
            return cached.Taxonomy;
        }

        using var scope = scopes.CreateScope();
        var answer = await scope.ServiceProvider.GetRequiredService<MarketplaceApi>().GetAsync("/api/catalog/taxonomy", ct);
        if (!answer.Ok)
        {
            return _cached?.Taxonomy ?? default;
        }

        _cached = (answer.Body, DateTime.UtcNow);
        return answer.Body;
    }

    /// <summary>The label of a code in one vocabulary (e.g. <c>processStages</c>), or the code itself.</summary>
    public static string Of(JsonElement taxonomy, string vocabulary, string? code) =>
        code is null ? "—"
        : taxonomy.Items(vocabulary).FirstOrDefault(t => t.Str("code") == code) is { ValueKind: JsonValueKind.Object } term
            ? Display.Pick(term.Str("labelKo"), term.Str("labelEn"))
            : code;
}
