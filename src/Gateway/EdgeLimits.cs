using System.Globalization;
using System.Threading.RateLimiting;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Gateway;

/// <summary>The gateway's limits: per-client rate limits, body size, timeouts and CORS.</summary>
public static class EdgeLimits
{
    public static void Add(WebApplicationBuilder builder, GatewayOptions options)
    {
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        builder.Services.AddRequestTimeouts(t =>
        {
            t.DefaultPolicy = TimeoutPolicy(options.RequestTimeout);
            // One policy per module, named after it: module endpoints (ModuleApi) and proxy routes use it.
            foreach (var module in GatewayOptions.Modules)
            {
                t.AddPolicy(module, TimeoutPolicy(options.TimeoutOf(module)));
            }
        });
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(p => p.WithOrigins(options.CorsOrigins).AllowAnyHeader().AllowAnyMethod()
            .WithExposedHeaders(CorrelationIdMiddleware.Header, "Retry-After")));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsLimited(context.Request.Path)
                ? RateLimitPartition.GetTokenBucketLimiter(ClientKey(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.RateLimit.TokenLimit,
                    TokensPerPeriod = options.RateLimit.TokensPerPeriod,
                    ReplenishmentPeriod = options.RateLimit.ReplenishmentPeriod,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                })
                : RateLimitPartition.GetNoLimiter("unlimited"));
            limiter.OnRejected = RejectAsync;
        });
    }

    public static void UsePublic(WebApplication app) => app.UseCors();

    private static RequestTimeoutPolicy TimeoutPolicy(TimeSpan timeout) =>
        new() { Timeout = timeout, TimeoutStatusCode = StatusCodes.Status504GatewayTimeout };

    public static void UseAfterAuthentication(WebApplication app)
    {
        app.UseRateLimiter();
        app.UseRequestTimeouts();
    }

    /// <summary>
    /// The token's subject: the API client's id, or the person's id (people share their application's
    /// client id, so that would put them all in one bucket). Anonymous callers share a bucket per IP address.
    /// </summary>
    private static string ClientKey(HttpContext context) =>
        context.User.FindFirst(Claims.Subject)?.Value is { } subject
            ? $"sub:{subject}"
            : $"ip:{context.Connection.RemoteIpAddress}";

    private static bool IsLimited(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/connect") || path.StartsWithSegments("/account");

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var response = rejected.HttpContext.Response;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var problems = rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = rejected.HttpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = "https://tools.ietf.org/html/rfc6585#section-4",
                Title = "Too many requests",
                Detail = $"This client's request budget is used up; retry after {response.Headers.RetryAfter} s.",
            },
        });
    }
}
