using System.Collections.Concurrent;
using Marketplace.BuildingBlocks.IntegrationEvents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.BuildingBlocks.Security;

/// <summary>
/// The organisations this process refuses although their tokens are still valid: rejected or suspended by an
/// administrator. Kept in every module's database from <see cref="OrganisationStatusChanged"/> and held in
/// memory, so a barred organisation's next request to any module is a 403 within moments of the decision.
/// </summary>
public sealed class BarredOrganisations
{
    public const string Explanation = "A platform administrator has suspended or rejected your organisation; its requests are refused.";

    private readonly ConcurrentDictionary<Guid, string> _barred = new();

    public bool IsBarred(Guid organisationId) => _barred.ContainsKey(organisationId);

    public void Apply(Guid organisationId, string status, bool barred)
    {
        if (barred)
        {
            _barred[organisationId] = status;
        }
        else
        {
            _barred.TryRemove(organisationId, out _);
        }
    }

    /// <summary>After authentication: a token of a barred organisation gets 403 with the reason, on every endpoint.</summary>
    public static IApplicationBuilder UseBarredOrganisations(IApplicationBuilder app)
    {
        var barred = app.ApplicationServices.GetRequiredService<BarredOrganisations>();
        return app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true
                && Guid.TryParse(context.User.FindFirst(MarketplaceClaims.OrganisationId)?.Value, out var organisation)
                && barred.IsBarred(organisation))
            {
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Organisation barred", detail: Explanation).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
    }
}
