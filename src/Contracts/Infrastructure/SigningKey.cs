namespace Marketplace.Contracts.Infrastructure;

/// <summary>
/// A P-256 key the platform signs agreement receipts and access grants with (ES256). Kept in Contracts'
/// database so every replica signs with, and publishes, the same keys.
/// </summary>
public sealed class SigningKey
{
    public string KeyId { get; set; } = "";

    /// <summary>The private key, PKCS #8, base64.</summary>
    public string PrivateKey { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
