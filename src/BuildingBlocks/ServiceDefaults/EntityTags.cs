using System.Security.Cryptography;
using System.Text.Json;
using Marketplace.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Marketplace.BuildingBlocks.ServiceDefaults;

/// <summary>
/// Optimistic concurrency for people and clients editing the same resource: every editable resource answers
/// with an <c>ETag</c> (a hash of the representation), and a write that sends <c>If-Match</c> is refused with
/// 412 when the resource changed since. A write without <c>If-Match</c> is allowed (last writer wins, as before);
/// clients that edit what a person read should send it.
/// </summary>
public static class EntityTags
{
    /// <summary>A strong tag of what the caller was shown.</summary>
    public static string Of(object representation) =>
        $"\"{Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(representation, representation.GetType(), JsonSerializerOptions.Web)))[..32]}\"";

    /// <summary>412 unless <c>If-Match</c> is absent, <c>*</c>, or names the tag of <paramref name="current"/>.</summary>
    public static void RequireMatch(HttpContext http, object current)
    {
        var ifMatch = http.Request.Headers.IfMatch;
        if (ifMatch.Count == 0)
        {
            return;
        }

        var tag = Of(current);
        var named = ifMatch.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        if (!named.Any(t => t == "*" || t == tag))
        {
            throw new PreconditionFailedException(tag);
        }
    }

    /// <summary>Answers of these endpoints carry the tag of the representation they return.</summary>
    public static TBuilder WithEntityTag<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            // Results<Ok<T>, …> wraps the answer it chose.
            var chosen = result is INestedHttpResult nested ? nested.Result : result;
            if (chosen is IValueHttpResult { Value: { } value } && chosen is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 })
            {
                context.HttpContext.Response.Headers.ETag = Of(value);
            }

            return result;
        });
}
