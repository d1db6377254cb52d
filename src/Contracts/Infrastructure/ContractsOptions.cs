namespace Marketplace.Contracts.Infrastructure;

/// <summary><c>Marketplace:Contracts</c>: deadlines of negotiations, connectors' messages and what signed documents name.</summary>
public sealed class ContractsOptions
{
    public const string Section = "Marketplace:Contracts";

    /// <summary>How long the party whose turn it is has to act before the negotiation expires (default 14 days).</summary>
    public TimeSpan ResponsePeriod { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often overdue negotiations are looked for (default every minute).</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long the platform signs with one key (default 180 days). After that a new key signs; the old ones
    /// stay in the JWKS, so receipts and grants they signed keep verifying.
    /// </summary>
    public TimeSpan SigningKeyLifetime { get; set; } = TimeSpan.FromDays(180);

    /// <summary>How often messages owed to connectors are looked for (Dataspace Protocol callbacks; default every 2 s).</summary>
    public TimeSpan CallbackPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The wait after a connector's first failed delivery, doubled after each further one (default 1 s).</summary>
    public TimeSpan CallbackFirstRetry { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts of one delivery (default 10 minutes).</summary>
    public TimeSpan CallbackLongestRetry { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a message is tried before it is abandoned and its open negotiation terminated (default 24 hours).</summary>
    public TimeSpan CallbackGiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The <c>iss</c> of receipts and access grants; verifiers check it together with the key from the JWKS.</summary>
    public string SignatureIssuer { get; set; } = "urn:marketplace:contracts";
}
