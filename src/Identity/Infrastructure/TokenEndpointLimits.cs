using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Identity.Infrastructure;

/// <summary>
/// Rate limits of the token server's own endpoints, which answer inside the authentication middleware, before
/// the edge's limiter runs: every request counts against its client id and its address, and a failed client
/// authentication also against a much smaller bucket, so guessing secrets stops after a few tries (429 with
/// <c>Retry-After</c>) while the client's legitimate callers go on.
/// </summary>
public sealed class TokenEndpointLimits(IOptions<TokenServerOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _requests = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.RequestBurst,
            TokensPerPeriod = options.Value.RequestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        }));

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            // An address (an office behind one NAT) may hold many clients: it gets five times a client's allowance.
            TokenLimit = key.StartsWith("ip:", StringComparison.Ordinal) ? options.Value.FailureBurst * 5 : options.Value.FailureBurst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = options.Value.FailureReplenishment,
            QueueLimit = 0,
        }));

    public static void Use(WebApplication app)
    {
        var limits = app.Services.GetRequiredService<TokenEndpointLimits>();
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (!path.StartsWithSegments("/connect/token") && !path.StartsWithSegments("/connect/authorize"))
            {
                await next(context);
                return;
            }

            var keys = await KeysAsync(context);
            if (limits.Refused(keys) is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    type: "https://tools.ietf.org/html/rfc6585#section-4",
                    detail: "Too many sign-in or token requests for this client or address; wait and try again.").ExecuteAsync(context);
                return;
            }

            await next(context);
            // 401 is the token server's answer to a wrong secret or an unknown client (invalid_client). Other
            // errors (an expired code, a bad redirect) are not guesses, and people share the public web client's id.
            if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
            {
                limits.CountFailure(keys);
            }
        });
    }

    /// <summary>The client id (form or query) and the address: both buckets must have room.</summary>
    private static async Task<string[]> KeysAsync(HttpContext context)
    {
        var clientId = context.Request.Query["client_id"].ToString();
        if (string.IsNullOrEmpty(clientId) && context.Request.HasFormContentType)
        {
            clientId = (await context.Request.ReadFormAsync(context.RequestAborted))["client_id"].ToString();
        }

        var address = $"ip:{context.Connection.RemoteIpAddress}";
        return string.IsNullOrEmpty(clientId) ? [address] : [address, $"client:{clientId}"];
    }

    private TimeSpan? Refused(string[] keys)
    {
        foreach (var key in keys)
        {
            // A key that failed too often is refused until its failure bucket refills, whatever its request bucket
            // says. (Asked by its statistics: the bucket refills in fractions, so a zero-permit probe says yes early.)
            if (_failures.GetStatistics(key)?.CurrentAvailablePermits < 1)
            {
                return options.Value.FailureReplenishment;
            }

            using var request = _requests.AttemptAcquire(key);
            if (!request.IsAcquired)
            {
                return RetryAfter(request, TimeSpan.FromSeconds(1));
            }
        }

        return null;
    }

    private void CountFailure(string[] keys)
    {
        foreach (var key in keys)
        {
            using var _ = _failures.AttemptAcquire(key);
        }
    }

    private static TimeSpan RetryAfter(RateLimitLease lease, TimeSpan fallback) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : fallback;

    public void Dispose()
    {
        _requests.Dispose();
        _failures.Dispose();
    }
}
