namespace Marketplace.Contracts.Infrastructure;

/// <summary>
/// A P-256 key the platform signs agreement receipts and access grants with (ES256). Kept in Contracts'
/// database so every replica signs with, and publishes, the same keys.
/// </summary>
public sealed class SigningKey
{
    public string KeyId { get; set; } = "";

    /// <summary>
    /// The private key, PKCS #8, encrypted with ASP.NET Core Data Protection (prefix <c>dp1:</c>); never plain.
    /// Rows written before encryption (plain base64) are encrypted in place the first time they are loaded.
    /// </summary>
    public string PrivateKey { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
