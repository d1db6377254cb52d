using System.Collections.Concurrent;
using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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

/// <summary>Fills <see cref="BarredOrganisations"/> from a module's table at start (after its schema is ready).</summary>
public sealed class BarredOrganisationsLoader<TDb>(IServiceScopeFactory scopes, BarredOrganisations barred) : IHostedService
    where TDb : ModuleDbContext
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var row in await scope.ServiceProvider.GetRequiredService<TDb>().BarredOrganisations.AsNoTracking().ToListAsync(ct))
        {
            barred.Apply(row.OrganisationId, row.Status, barred: true);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>Every module's copy of who is barred: upserted or removed per <see cref="OrganisationStatusChanged"/>.</summary>
public sealed class KeepBarredOrganisationsConsumer<TDb>(TDb db, BarredOrganisations barred, TimeProvider clock, ILogger<KeepBarredOrganisationsConsumer<TDb>> logger)
    : InboxConsumer<OrganisationStatusChanged, TDb>(db, clock, logger) where TDb : ModuleDbContext
{
    protected override async Task HandleAsync(OrganisationStatusChanged message, CancellationToken ct)
    {
        var row = await Db.BarredOrganisations.FirstOrDefaultAsync(o => o.OrganisationId == message.OrganisationId, ct);
        if (message.Barred && row is null)
        {
            Db.BarredOrganisations.Add(new BarredOrganisation { OrganisationId = message.OrganisationId, Status = message.Status, Since = message.ChangedAt });
        }
        else if (message.Barred)
        {
            row!.Status = message.Status;
        }
        else if (row is not null)
        {
            Db.BarredOrganisations.Remove(row);
        }

        // Ahead of the commit at worst by a moment; a failed attempt is retried to the same state.
        barred.Apply(message.OrganisationId, message.Status, message.Barred);
    }
}
