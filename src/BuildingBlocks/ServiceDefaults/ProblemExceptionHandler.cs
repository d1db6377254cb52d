using System.Text.Json;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.BuildingBlocks.ServiceDefaults;

/// <summary>Turns domain and request-parsing failures into RFC 9457 problem details with the right 4xx status.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        ProblemDetails? problem = exception switch
        {
            ValidationException v => new HttpValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid request",
                Detail = v.Message,
            },
            NotFoundException => Problem(StatusCodes.Status404NotFound, "Not found", exception.Message),
            PreconditionFailedException => Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", exception.Message),
            ConflictException { Field: { } field } => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [exception.Message] })
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = exception.Message,
            },
            ConflictException => Problem(StatusCodes.Status409Conflict, "Conflict", exception.Message),
            _ when WriteConflict.Is(exception) => Problem(StatusCodes.Status409Conflict, "Conflict", "The resource was changed by another request; reload it and try again."),
            RuleViolationException { Errors.Count: > 0 } r => new HttpValidationProblemDetails(r.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "Business rule violated",
                Detail = r.Message,
            },
            RuleViolationException => Problem(StatusCodes.Status422UnprocessableEntity, "Business rule violated", exception.Message),
            // A body member of the wrong type, or one JsonInputRules refuses: 400 naming it as the client spelled it.
            BadHttpRequestException { InnerException: JsonException { Path: { } path } json } => JsonProblem(path, json),
            JsonException { Path: { } path } json => JsonProblem(path, json),
            // Malformed JSON, wrong content type, body too large: the framework's own 4xx with its explanation.
            BadHttpRequestException b => Problem(b.StatusCode, "Bad request", b.Message),
            _ => null,
        };

        if (problem is null)
        {
            return false;
        }

        if (exception is DomainException domain)
        {
            foreach (var (member, value) in domain.Details)
            {
                problem.Extensions[member] = value;
            }
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>A body member of the wrong type, or one JsonInputRules refuses: 400 naming it as the client spelled it.</summary>
    private static HttpValidationProblemDetails JsonProblem(string path, JsonException json) =>
        new(new Dictionary<string, string[]> { [Member(path)] = [Reason(json)] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid request",
            Detail = "The request body does not match the expected shape.",
        };

    /// <summary><c>$.terms.territory[0]</c> → <c>terms.territory[0]</c>; the whole body is <c>$</c>.</summary>
    private static string Member(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    /// <summary>The serializer's own sentence without the position it appends (the member is the key already).</summary>
    private static string Reason(JsonException json)
    {
        var message = json.Message;
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };
}
