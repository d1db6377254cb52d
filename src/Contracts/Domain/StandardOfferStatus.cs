namespace Marketplace.Contracts.Domain;

public enum StandardOfferStatus
{
    /// <summary>Buyers may request it.</summary>
    Active,

    /// <summary>Takes no more requests (<see cref="StandardOffer.WithdrawalReason"/> says why); negotiations opened on it go on.</summary>
    Withdrawn,
}
