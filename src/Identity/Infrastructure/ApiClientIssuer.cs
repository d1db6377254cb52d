using System.Buffers.Text;
using System.Security.Cryptography;
using Marketplace.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Infrastructure;

public sealed record IssuedClient(string ClientId, string ClientSecret);

/// <summary>Creates and revokes organisations' API clients (OpenIddict applications for client credentials).</summary>
public sealed class ApiClientIssuer(IdentityDb db, IOpenIddictApplicationManager applications, TimeProvider clock)
{
    /// <summary>Registers a client; the secret is returned once and stored only as OpenIddict's hash.</summary>
    public async Task<IssuedClient> IssueAsync(
        Guid organisationId, string name, bool isOrganisationAdmin, CancellationToken ct, string? clientId = null, string? secret = null, Connector? connector = null)
    {
        clientId ??= $"mkt_{Convert.ToHexString(RandomNumberGenerator.GetBytes(10)).ToLowerInvariant()}";
        secret ??= Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = name,
            // Tokens; revoking its own tokens (RFC 7009); introspecting tokens it is shown (RFC 7662), for a
            // provider's system that cannot verify JWTs itself.
            Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.Introspection, Permissions.GrantTypes.ClientCredentials },
        }, ct);
        db.ApiClients.Add(new ApiClient
        {
            ClientId = clientId, OrganisationId = organisationId, Name = name, IsOrganisationAdmin = isOrganisationAdmin, Connector = connector,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return new IssuedClient(clientId, secret);
    }

    /// <summary>New token requests with a revoked client fail; tokens already issued run out at their expiry.</summary>
    public async Task RevokeAsync(ApiClient client, CancellationToken ct)
    {
        if (await applications.FindByClientIdAsync(client.ClientId, ct) is { } application)
        {
            await applications.DeleteAsync(application, ct);
        }

        client.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    public Task<ApiClient?> FindActiveAsync(string clientId, CancellationToken ct) =>
        db.ApiClients.FirstOrDefaultAsync(c => c.ClientId == clientId && c.RevokedAt == null, ct);
}
