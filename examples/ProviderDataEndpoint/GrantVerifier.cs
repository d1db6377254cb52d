using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ProviderDataEndpoint;

/// <summary>
/// Checks a marketplace access grant offline: the platform's signature (ES256, a key of the saved JWKS),
/// issuer, audience (this provider's organisation id), validity window, token type, the dataset asked
/// for, and the revocation list last polled. No call to the marketplace per request.
/// </summary>
public sealed class GrantVerifier(string jwks, Guid providerOrganisationId, string issuer = "urn:marketplace:contracts")
{
    private readonly JsonWebKeySet _keys = new(jwks);
    private volatile HashSet<string> _revokedAgreements = [];

    /// <summary>Replaces the set of revoked agreement ids (from <c>GET /api/contracts/revocations</c>).</summary>
    public void UpdateRevocations(IEnumerable<string> agreementIds) => _revokedAgreements = [.. agreementIds];

    /// <summary>Null when the grant entitles its holder to <paramref name="datasetId"/> now; otherwise why not.</summary>
    public async Task<string?> RefuseAsync(string? grant, Guid datasetId)
    {
        if (string.IsNullOrWhiteSpace(grant))
        {
            return "no grant";
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(grant, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = providerOrganisationId.ToString(),
            IssuerSigningKeys = _keys.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidTypes = ["access-grant+jwt"],
            ClockSkew = TimeSpan.FromMinutes(1),
        });
        if (!result.IsValid)
        {
            return result.Exception?.Message ?? "invalid grant";
        }

        if (!result.Claims.TryGetValue("dataset_id", out var dataset) || dataset as string != datasetId.ToString())
        {
            return "the grant is for another dataset";
        }

        return result.Claims.TryGetValue("agreement_id", out var agreement) && _revokedAgreements.Contains(agreement as string ?? "")
            ? "the agreement was terminated"
            : null;
    }
}
