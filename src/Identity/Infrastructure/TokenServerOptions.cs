namespace Marketplace.Identity.Infrastructure;

/// <summary><c>Marketplace:Identity:TokenServer</c>: token lifetimes, the token endpoints' own rate limits, pruning.</summary>
public sealed class TokenServerOptions
{
    public const string Section = "Marketplace:Identity:TokenServer";

    /// <summary>How long an access token is valid: also how long a revoked client or disabled person keeps a token it already has.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Requests to <c>/connect/token</c> and <c>/connect/authorize</c> per client id and per address: burst.</summary>
    public int RequestBurst { get; set; } = 120;

    /// <summary>… and sustained, per second.</summary>
    public int RequestsPerSecond { get; set; } = 20;

    /// <summary>Failed client authentications (wrong secret, unknown client) per client id: burst (per address: five times this).</summary>
    public int FailureBurst { get; set; } = 10;

    /// <summary>… and one more allowed after each of these periods.</summary>
    public TimeSpan FailureReplenishment { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often expired, revoked and redeemed tokens and authorizations are deleted.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Tokens and authorizations younger than this are kept even when no longer valid (for audit).</summary>
    public TimeSpan PruneMinimumAge { get; set; } = TimeSpan.FromDays(1);
}
