using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;

namespace Marketplace.Identity.Infrastructure;

/// <summary>
/// Creates the first administrator from configuration (<c>Marketplace:Identity:BootstrapAdmin:ClientId</c>
/// and <c>:ClientSecret</c>), and in demo mode (<c>Marketplace:Demo:Seed</c>, on by default all-in-one) the
/// demo organisations with fixed, publicly known credentials; registers the web client people sign in
/// through. Runs after the schema is ready.
/// </summary>
public sealed class IdentitySeeder(IServiceProvider services, IConfiguration configuration, ILogger<IdentitySeeder> logger) : IHostedService
{
    /// <summary>Demo-only organisations; their secrets are in README and must never reach a real deployment.</summary>
    public static readonly IReadOnlyList<DemoOrganisation> Demo =
    [
        new(DemoOrganisations.ProviderX, "demo-provider-x", "한빛정밀", "Hanbit Precision", "2208112341", IsSme: true, Provider: true, Buyer: false),
        new(DemoOrganisations.ProviderY, "demo-provider-y", "대성금형", "Daesung Mould", "3128600019", IsSme: true, Provider: true, Buyer: false),
        new(DemoOrganisations.BuyerA, "demo-buyer-a", "미래모빌리티", "Mirae Mobility", "4012345679", IsSme: false, Provider: false, Buyer: true),
        new(DemoOrganisations.BuyerB, "demo-buyer-b", "스마트팩토리랩", "Smart Factory Lab", "5055566661", IsSme: true, Provider: false, Buyer: true),
    ];

    public const string DemoAdminClientId = "demo-admin";

    private const string PlatformRegistrationNumber = "1000000014";

    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        // Replicas starting together: one seeds, the others wait and find the clients.
        await using var alone = await ClusterLock.AcquireAsync(db, "seeding", ct);
        var clients = scope.ServiceProvider.GetRequiredService<ApiClientIssuer>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        var adminId = configuration["Marketplace:Identity:BootstrapAdmin:ClientId"];
        var adminSecret = configuration["Marketplace:Identity:BootstrapAdmin:ClientSecret"];
        var demo = configuration.GetValue<bool>("Marketplace:Demo:Seed");
        if (demo && string.IsNullOrEmpty(adminId))
        {
            (adminId, adminSecret) = (DemoAdminClientId, DemoSecret(DemoAdminClientId));
        }

        if (!string.IsNullOrEmpty(adminId) && !await db.ApiClients.AnyAsync(c => c.ClientId == adminId, ct))
        {
            var platform = await db.Organisations.FirstOrDefaultAsync(o => o.IsPlatformAdmin, ct);
            if (platform is null)
            {
                platform = Organisation.Platform(PlatformRegistrationNumber, clock.GetUtcNow().UtcDateTime);
                db.Organisations.Add(platform);
                await db.SaveChangesAsync(ct);
            }

            await clients.IssueAsync(platform.Id, "bootstrap administrator", isOrganisationAdmin: true, ct, adminId,
                adminSecret ?? throw new InvalidOperationException("Marketplace:Identity:BootstrapAdmin:ClientSecret is required."));
            logger.LogWarning("Created administrator client {ClientId}", adminId);
            if (demo && adminId == DemoAdminClientId)
            {
                // A person too, for the console's administrator pages (demo only, like every demo credential).
                db.People.Add(PersonAccounts.Create(platform.Id, $"{DemoAdminClientId}@example.invalid", "Platform admin", DemoSecret(DemoAdminClientId),
                    isOrganisationAdmin: true, clock.GetUtcNow().UtcDateTime));
                await db.SaveChangesAsync(ct);
            }
        }

        if (demo && !await db.ApiClients.AnyAsync(c => c.ClientId == Demo[0].ClientId, ct))
        {
            await SeedDemoAsync(db, clients, clock, ct);
        }

        await WebClient.From(configuration).RegisterAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Fixed demo secrets, so that README can list them.</summary>
    public static string DemoSecret(string clientId) => $"{clientId}-secret";

    private async Task SeedDemoAsync(IdentityDb db, ApiClientIssuer clients, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lines = new List<string> { $"  {"Platform admin",-17} client {DemoAdminClientId} / {DemoSecret(DemoAdminClientId)}, person {DemoAdminClientId}@example.invalid / {DemoSecret(DemoAdminClientId)}" };
        foreach (var d in Demo)
        {
            var organisation = Organisation.Register(d.NameKo, d.NameEn, d.BusinessRegistrationNumber,
                $"{d.ClientId}@example.invalid", d.IsSme, d.Provider, d.Buyer, now, d.Id);
            organisation.Verify(now);
            db.Organisations.Add(organisation);
            // Every module learns the demo organisations' names as it would an administrator's verification.
            db.AddEvent(organisation.StatusChanged());
            await db.SaveChangesAsync(ct);
            await clients.IssueAsync(organisation.Id, "demo", isOrganisationAdmin: true, ct, d.ClientId, DemoSecret(d.ClientId));
            // A person too, for the sign-in page: e-mail = the organisation's contact, password = the client's secret.
            db.People.Add(PersonAccounts.Create(organisation.Id, organisation.ContactEmail, $"{d.NameEn} admin", DemoSecret(d.ClientId), isOrganisationAdmin: true, now));
            await db.SaveChangesAsync(ct);
            lines.Add($"  {d.NameEn,-17} client {d.ClientId} / {DemoSecret(d.ClientId)}, person {organisation.ContactEmail} / {DemoSecret(d.ClientId)}");
        }

        logger.LogWarning("Demo organisations created (demo only; never use these credentials elsewhere):\n{Credentials}", string.Join('\n', lines));
    }

    public sealed record DemoOrganisation(
        Guid Id,
        string ClientId, string NameKo, string NameEn, string BusinessRegistrationNumber, bool IsSme, bool Provider, bool Buyer);
}
