using Marketplace.BuildingBlocks.Errors;

namespace Marketplace.Contracts.Domain;

/// <summary>
/// Terms and a price a provider fixes in advance for one of its datasets, so that a buyer can request them as they are
/// ("request at standard terms") instead of negotiating. The price was inside the band when the offer was published and
/// is checked again at every request; an offer the band no longer admits is withdrawn. With <see cref="AutoAgree"/> the
/// platform agrees to such a request on the provider's behalf and the buyer verifies the agreement as usual.
/// </summary>
public sealed class StandardOffer
{
    /// <summary>How many offers a dataset may have active at once: a short list a buyer can read.</summary>
    public const int MaxActivePerDataset = 10;

    private StandardOffer()
    {
    }

    public Guid Id { get; private set; }

    public Guid DatasetId { get; private set; }

    public Guid ProviderOrganisationId { get; private set; }

    /// <summary>The terms; their start date is the day the offer was published, and a request starts on the day it names (today by default).</summary>
    public ContractTerms Terms { get; private set; } = null!;

    public decimal PriceKrw { get; private set; }

    /// <summary>How the price was checked when the offer was published.</summary>
    public PriceCheck Check { get; private set; } = null!;

    public bool AutoAgree { get; private set; }

    public StandardOfferStatus Status { get; private set; }

    public string? WithdrawalReason { get; private set; }

    /// <summary>The provider's signed-in person who published it.</summary>
    public string PublishedBy { get; private set; } = "";

    public DateTime PublishedAt { get; private set; }

    public DateTime? WithdrawnAt { get; private set; }

    public int Revision { get; private set; }

    public static StandardOffer Publish(DatasetCopy dataset, string subject, ContractTerms terms, decimal price, PriceCheck check, bool autoAgree, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        DatasetId = dataset.DatasetId,
        ProviderOrganisationId = dataset.ProviderOrganisationId,
        Terms = terms,
        PriceKrw = price,
        Check = check,
        AutoAgree = autoAgree,
        Status = StandardOfferStatus.Active,
        PublishedBy = subject,
        PublishedAt = now,
    };

    /// <summary>The terms of a request made on <paramref name="start"/>: the offer's, starting then.</summary>
    public ContractTerms TermsFrom(DateOnly start) => Terms with { StartDate = start };

    /// <summary>A 409 unless buyers may still request it.</summary>
    public void EnsureActive()
    {
        if (Status != StandardOfferStatus.Active)
        {
            throw new ConflictException($"This standard offer was withdrawn ({WithdrawalReason}).")
                .With("status", "WITHDRAWN").With("withdrawalReason", WithdrawalReason);
        }
    }

    /// <summary>Takes it off the list; false when it already was.</summary>
    public bool Withdraw(string reason, DateTime now)
    {
        if (Status == StandardOfferStatus.Withdrawn)
        {
            return false;
        }

        Status = StandardOfferStatus.Withdrawn;
        WithdrawalReason = reason;
        WithdrawnAt = now;
        Revision++;
        return true;
    }
}
