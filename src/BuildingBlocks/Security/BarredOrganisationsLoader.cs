using Marketplace.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.BuildingBlocks.Security;

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
