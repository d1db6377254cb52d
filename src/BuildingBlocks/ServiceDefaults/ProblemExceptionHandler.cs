using Marketplace.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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
            ConflictException => Problem(StatusCodes.Status409Conflict, "Conflict", exception.Message),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "Conflict", "The resource was changed by another request; reload it and try again."),
            RuleViolationException { Field: { } field } r => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [r.Message] })
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "Business rule violated",
                Detail = r.Message,
            },
            RuleViolationException => Problem(StatusCodes.Status422UnprocessableEntity, "Business rule violated", exception.Message),
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

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };
}
