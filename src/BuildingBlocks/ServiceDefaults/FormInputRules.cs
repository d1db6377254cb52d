using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.BuildingBlocks.ServiceDefaults;

/// <summary>
/// Form posts and query strings, checked before any handler reads them (the token server reads them before
/// endpoints run): no control characters or broken UTF-16 in a field name or value, and no more fields than
/// ASP.NET Core's form limit (1,024). A breach is a 400 problem naming the field. Forms only in processes that serve
/// forms themselves: a gateway that forwards a body must not read it.
/// </summary>
public static class FormInputRules
{
    /// <summary>Query strings, in every process: reading them consumes nothing a proxy must forward.</summary>
    public static IApplicationBuilder UseQueryInputRules(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Offending(context.Request.Query.SelectMany(q => q.Value.Select(v => (q.Key, (string?)v)))) is { } field)
        {
            await WriteAsync(context, field, "Control characters and broken Unicode are not allowed.");
            return;
        }

        await next(context);
    });

    /// <summary>Form posts to the paths of a process that reads them itself (Identity's token server and account pages).</summary>
    public static IApplicationBuilder UseFormInputRules(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.HasFormContentType)
        {
            IFormCollection form;
            context.Request.EnableBuffering();
            try
            {
                form = await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException e)
            {
                // Too many fields, a field too long, or a character the framework refuses (it does not say
                // which field: find it in the raw body, which is small here).
                await WriteAsync(context, await OffendingRawFieldAsync(context.Request) ?? "form", e.Message);
                return;
            }

            if (Offending(form.SelectMany(f => f.Value.Select(v => (f.Key, (string?)v)))) is { } field)
            {
                await WriteAsync(context, field, "Control characters and broken Unicode are not allowed.");
                return;
            }
        }

        await next(context);
    });

    private static async Task<string?> OffendingRawFieldAsync(HttpRequest request)
    {
        if (request.ContentLength is > 1_048_576 || !request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var fields = QueryHelpers.ParseQuery(await reader.ReadToEndAsync(request.HttpContext.RequestAborted));
        return Offending(fields.SelectMany(f => f.Value.Select(v => (f.Key, (string?)v))));
    }

    private static string? Offending(IEnumerable<(string Key, string? Value)> fields)
    {
        foreach (var (key, value) in fields)
        {
            if (!IsClean(key))
            {
                return "form";
            }

            if (value is not null && !IsClean(value))
            {
                return key;
            }
        }

        return null;
    }

    private static bool IsClean(string text) => JsonInputRules.IsClean(text) && !text.Contains('\t') && !text.Contains('\n') && !text.Contains('\r');

    private static Task WriteAsync(HttpContext context, string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message).ExecuteAsync(context);
}
