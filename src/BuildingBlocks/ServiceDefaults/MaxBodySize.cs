using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Marketplace.BuildingBlocks.ServiceDefaults;

/// <summary>
/// Endpoint metadata: a request body limit that can only lower the server's own (the gateway's
/// <c>MaxRequestBodyBytes</c>). ASP.NET Core's <c>RequestSizeLimit</c> would replace it, raising it too.
/// Larger bodies get 413.
/// </summary>
public sealed record MaxBodySize(long Bytes)
{
    public static TBuilder On<TBuilder>(TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new MaxBodySize(bytes));

    public static IApplicationBuilder Use(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<MaxBodySize>() is { } limit
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature
            && (feature.MaxRequestBodySize is null || feature.MaxRequestBodySize > limit.Bytes))
        {
            feature.MaxRequestBodySize = limit.Bytes;
        }

        await next(context);
    });
}
