using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Marketplace.Contracts.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Contracts.Infrastructure;

/// <summary>
/// Signs agreement receipts and access grants with the platform's ES256 key and publishes the public
/// keys as a JWKS, so a provider verifies both offline. The key is made on first use and kept in the
/// database (every replica signs with the newest key and publishes all of them).
/// </summary>
public sealed class PlatformSigner(IServiceScopeFactory scopes, IOptions<ContractsOptions> options, TimeProvider clock, IDataProtectionProvider protection) : IDisposable
{
    private const string Protected = "dp1:";
    public const string ReceiptType = "agreement-receipt+jwt";
    public const string GrantType = "access-grant+jwt";

    public const string CallbackType = "dsp-callback+jwt";

    private readonly SemaphoreSlim _load = new(1, 1);
    private IReadOnlyList<ECDsaSecurityKey>? _keys;
    private DateTime _newestAt;

    private bool Due() => _newestAt <= clock.GetUtcNow().UtcDateTime - options.Value.SigningKeyLifetime;

    public string Issuer => options.Value.SignatureIssuer;

    /// <summary>The receipt: the platform saw both signatures over this hash, at these times.</summary>
    public async Task<string> ReceiptAsync(Agreement agreement, DateTime finalizedAt, CancellationToken ct)
    {
        var claims = new Dictionary<string, object>
        {
            ["agreement_id"] = agreement.Id.ToString(),
            ["agreement_hash"] = agreement.Hash,
            ["hash_alg"] = "SHA-256/RFC8785",
            ["provider"] = SignerClaim(agreement.ProviderSignature),
            ["buyer"] = SignerClaim(agreement.BuyerSignature!),
            ["finalized_at"] = finalizedAt.ToString("O"),
        };
        return await SignAsync(ReceiptType, agreement.Id.ToString(), null, finalizedAt, null, claims, ct);
    }

    /// <summary>
    /// The platform's credentials on a Dataspace Protocol message it sends a connector: five minutes, the connector's
    /// participant id as the audience, the negotiation as the subject (a connector checks it with the platform's JWKS).
    /// </summary>
    public Task<string> CallbackTokenAsync(string participantId, Guid negotiation, DateTime now, CancellationToken ct) =>
        SignAsync(CallbackType, negotiation.ToString(), participantId, now, now.AddMinutes(5), new Dictionary<string, object>(), ct);

    /// <summary>An access grant for the buyer, valid from the agreement's start to its end; the provider is its audience.</summary>
    public async Task<string> GrantAsync(Agreement agreement, AccessGrant grant, CancellationToken ct)
    {
        var id = grant.Id.ToString();
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Jti] = id,
            ["agreement_id"] = agreement.Id.ToString(),
            ["agreement_hash"] = agreement.Hash,
            ["dataset_id"] = agreement.DatasetId.ToString(),
            ["dataset_version"] = agreement.DatasetVersion,
            ["provider_org"] = agreement.ProviderOrganisationId.ToString(),
            ["buyer_org"] = agreement.BuyerOrganisationId.ToString(),
            ["purposes"] = agreement.Terms.Purposes,
        };
        var token = await SignAsync(GrantType, agreement.BuyerOrganisationId.ToString(), agreement.ProviderOrganisationId.ToString(),
            agreement.StartsAt, agreement.EndsAt, claims, ct);
        return token;
    }

    /// <summary>
    /// The public half of every platform key, as a JSON Web Key Set. Read from the database, not this
    /// process's keys: two replicas starting together may each have made one, and both sign.
    /// </summary>
    public async Task<PublicKeySet> JwksAsync(CancellationToken ct)
    {
        await KeysAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ContractsDb>().SigningKeys.AsNoTracking().ToListAsync(ct);
        return new PublicKeySet(stored.Where(k => k.PrivateKey.StartsWith(Protected, StringComparison.Ordinal)).Select(ToSecurityKey).Select(key =>
        {
            var p = key.ECDsa.ExportParameters(false);
            return new PublicKey("EC", "P-256", "sig", SecurityAlgorithms.EcdsaSha256, key.KeyId, Base64UrlEncoder.Encode(p.Q.X), Base64UrlEncoder.Encode(p.Q.Y));
        }).ToList());
    }

    /// <summary>A JWKS (RFC 7517) of public keys only.</summary>
    public sealed record PublicKeySet(IReadOnlyList<PublicKey> Keys);

    public sealed record PublicKey(string Kty, string Crv, string Use, string Alg, string Kid, string X, string Y);

    private async Task<string> SignAsync(
        string type, string subject, string? audience, DateTime notBefore, DateTime? expires, Dictionary<string, object> claims, CancellationToken ct)
    {
        var key = (await KeysAsync(ct))[0];
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = type,
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, subject)]),
            IssuedAt = now,
            NotBefore = notBefore,
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
    }

    private static Dictionary<string, object> SignerClaim(Signature s) => new()
    {
        ["organisation_id"] = s.OrganisationId.ToString(),
        ["subject"] = s.Subject,
        // Written as the API writes the signature's time (JSON), so the receipt and the agreement read alike.
        ["signed_at"] = JsonSerializer.Serialize(s.At)[1..^1],
    };

    private IDataProtector Protector => protection.CreateProtector("Marketplace.Contracts.PlatformSigningKey.v1");

    private ECDsaSecurityKey ToSecurityKey(SigningKey k)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(Protector.Unprotect(Convert.FromBase64String(k.PrivateKey[Protected.Length..])), out _);
        return new ECDsaSecurityKey(ecdsa) { KeyId = k.KeyId };
    }

    private string Protect(byte[] pkcs8) => Protected + Convert.ToBase64String(Protector.Protect(pkcs8));

    /// <summary>Newest first; a new key once the newest is older than <see cref="ContractsOptions.SigningKeyLifetime"/>.</summary>
    private async Task<IReadOnlyList<ECDsaSecurityKey>> KeysAsync(CancellationToken ct)
    {
        if (_keys is { } loaded && !Due())
        {
            return loaded;
        }

        await _load.WaitAsync(ct);
        try
        {
            if (_keys is { } raced && !Due())
            {
                return raced;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ContractsDb>();
            var stored = await db.SigningKeys.ToListAsync(ct);
            foreach (var plain in stored.Where(k => !k.PrivateKey.StartsWith(Protected, StringComparison.Ordinal)))
            {
                plain.PrivateKey = Protect(Convert.FromBase64String(plain.PrivateKey));
            }

            await db.SaveChangesAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            if (stored.Count == 0 || stored.Max(k => k.CreatedAt) <= now - options.Value.SigningKeyLifetime)
            {
                using var made = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                var key = new SigningKey
                {
                    KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
                    PrivateKey = Protect(made.ExportPkcs8PrivateKey()),
                    CreatedAt = now,
                };
                db.SigningKeys.Add(key);
                await db.SaveChangesAsync(ct);
                stored.Add(key);
            }

            _newestAt = stored.Max(k => k.CreatedAt);
            return _keys = stored.OrderByDescending(k => k.CreatedAt).Select(ToSecurityKey).ToList();
        }
        finally
        {
            _load.Release();
        }
    }

    /// <summary>The container disposes the singleton at shutdown.</summary>
    public void Dispose() => _load.Dispose();
}
