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
        if (File.Exists(file))
        {
            key.ImportFromPem(File.ReadAllText(file));
        }
        else
        {
            key.GenerateKey(ECCurve.NamedCurves.nistP256);
            PrivateFolder.WriteSecret(file, key.ExportPkcs8PrivateKeyPem());
        }

        var thumbprint = Convert.ToHexString(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16].ToLowerInvariant();
        return new ECDsaSecurityKey(key) { KeyId = $"dev-{thumbprint}" };
    }

    private static byte[] DevelopmentEncryptionKey(string file)
    {
        if (File.Exists(file))
        {
            return Convert.FromBase64String(File.ReadAllText(file).Trim());
        }

        var bytes = RandomNumberGenerator.GetBytes(32);
        PrivateFolder.WriteSecret(file, Convert.ToBase64String(bytes));
        return bytes;
    }

}
