using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Marketplace.BuildingBlocks.ServiceDefaults;

/// <summary>
/// Gives every request a correlation id: the caller's <c>X-Correlation-Id</c> if it sent a sane one,
/// else a new one. It is echoed in the response, written into every log line of the request (a log
/// scope), and left on the request so the gateway forwards it to the service behind it.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var id = IsSane(incoming) ? incoming : Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        context.Request.Headers[Header] = id;
        context.Response.Headers[Header] = id;
        context.TraceIdentifier = id;
        CorrelationContext.Current = id;
        using (logger.BeginScope("CorrelationId:{CorrelationId}", id))
        {
            await next(context);
            // An access log line inside the scope, for operators who turn this category to Debug.
            logger.LogDebug("{Method} {Path} answered {StatusCode}", context.Request.Method, context.Request.Path.Value, context.Response.StatusCode);
        }
    }

    private static bool IsSane(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
