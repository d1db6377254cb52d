using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Marketplace.BuildingBlocks.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Identity.Infrastructure;

/// <summary>
/// The token server's keys. Production: PKCS#12 certificates named in configuration
/// (<c>Marketplace:Identity:SigningCertificate:Path</c>/<c>:Password</c>, and the same for
/// <c>EncryptionCertificate</c>). Otherwise development keys, generated on first run and kept under
/// <c>{DataFolder}/keys</c> so tokens stay valid across restarts: an EC P-256 signing key (ES256,
/// published in the JWKS) and a 256-bit symmetric key for the server's own encrypted tokens.
/// <para>
/// Rotation: <c>Marketplace:Identity:NextSigningCertificate:Path</c>/<c>:Password</c> names the successor, made valid
/// from a later date (its <c>NotBefore</c>). It is published in the JWKS at once, so every service knows it before it
/// signs anything, and OpenIddict signs with it from that date on (it prefers a valid certificate that expires later).
/// Once the tokens signed with the old one have expired, the successor becomes <c>SigningCertificate</c>.
/// </para>
/// </summary>
public static class TokenKeys
{
    public static void Add(OpenIddictServerBuilder server, IConfiguration configuration, string dataFolder)
    {
        var signing = configuration.GetSection("Marketplace:Identity:SigningCertificate");
        var encryption = configuration.GetSection("Marketplace:Identity:EncryptionCertificate");
        if (!string.IsNullOrWhiteSpace(signing["Path"]))
        {
            server.AddSigningCertificate(X509CertificateLoader.LoadPkcs12FromFile(signing["Path"]!, signing["Password"]));
            var next = configuration.GetSection("Marketplace:Identity:NextSigningCertificate");
            if (!string.IsNullOrWhiteSpace(next["Path"]))
            {
                server.AddSigningCertificate(X509CertificateLoader.LoadPkcs12FromFile(next["Path"]!, next["Password"]));
            }

            server.AddEncryptionCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                encryption["Path"] ?? throw new InvalidOperationException("Marketplace:Identity:EncryptionCertificate:Path is required with a signing certificate."),
                encryption["Password"]));
            return;
        }

        var folder = PrivateFolder.Ensure(Path.Combine(dataFolder, "keys"));
        server.AddSigningKey(DevelopmentSigningKey(Path.Combine(folder, "signing-es256.pem")));
        server.AddEncryptionKey(new SymmetricSecurityKey(DevelopmentEncryptionKey(Path.Combine(folder, "encryption.key"))));
    }

    private static ECDsaSecurityKey DevelopmentSigningKey(string file)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(PrivateFolder.ReadOrCreateSecret(file, () =>
        {
            using var made = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            return made.ExportPkcs8PrivateKeyPem();
        }));
        var thumbprint = Convert.ToHexString(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16].ToLowerInvariant();
        return new ECDsaSecurityKey(key) { KeyId = $"dev-{thumbprint}" };
    }

    private static byte[] DevelopmentEncryptionKey(string file) =>
        Convert.FromBase64String(PrivateFolder.ReadOrCreateSecret(file, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Trim());
}
