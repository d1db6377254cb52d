namespace Marketplace.Contracts.Domain;

public enum AgreementStatus
{
    /// <summary>Drafted when the provider agreed; waiting for the buyer's signature and the platform's receipt.</summary>
    Signing,

    /// <summary>Finalized and not terminated (it may still have reached its end: see <see cref="Agreement.IsInForce"/>).</summary>
    Finalized,

    /// <summary>Ended early by a party, or never finalized because its negotiation ended.</summary>
    Terminated,
}
