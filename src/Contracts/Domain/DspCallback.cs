namespace Marketplace.Contracts.Domain;

/// <summary>
/// A Dataspace Protocol message the marketplace owes a connector about its negotiation (<see cref="DspCallbackMessage"/>),
/// written in the transaction of the step that caused it and sent to the connector's callback address until it answers
/// 2xx: retried with back-off, in order per negotiation; after <c>giveUpAfter</c> of failures it is abandoned.
/// </summary>
public sealed class DspCallback
{
    public Guid Id { get; private set; }

    public Guid NegotiationId { get; private set; }

    public DspCallbackMessage Message { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public DateTime? DeliveredAt { get; private set; }

    public DateTime? AbandonedAt { get; private set; }

    public string? LastError { get; private set; }

    public static DspCallback For(Guid negotiation, DspCallbackMessage message, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        NegotiationId = negotiation,
        Message = message,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void Delivered(DateTime now)
    {
        Attempts++;
        DeliveredAt = now;
        LastError = null;
    }

    /// <summary>
    /// An attempt failed: the next one after <paramref name="firstDelay"/> doubled per attempt, at most
    /// <paramref name="longestDelay"/>; true when it has failed for <paramref name="giveUpAfter"/> since it was written
    /// (abandoned then).
    /// </summary>
    public bool Failed(string error, DateTime now, TimeSpan firstDelay, TimeSpan longestDelay, TimeSpan giveUpAfter)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        if (now - CreatedAt >= giveUpAfter)
        {
            AbandonedAt = now;
            return true;
        }

        var delay = firstDelay * Math.Pow(2, Math.Min(Attempts - 1, 20));
        NextAttemptAt = now + (delay < longestDelay ? delay : longestDelay);
        return false;
    }
}

/// <summary>Which provider message a callback carries, and where under the callback address it goes.</summary>
public enum DspCallbackMessage
{
    /// <summary><c>ContractOfferMessage</c> to <c>…/negotiations/{consumerPid}/offers</c>: the provider offered.</summary>
    Offer,

    /// <summary><c>ContractAgreementMessage</c> to <c>…/agreement</c>: the provider (or the platform for it) agreed.</summary>
    Agreement,

    /// <summary><c>ContractNegotiationEventMessage</c> FINALIZED to <c>…/events</c>.</summary>
    Finalized,

    /// <summary><c>ContractNegotiationTerminationMessage</c> to <c>…/termination</c>: ended by the provider or the platform.</summary>
    Termination,
}
