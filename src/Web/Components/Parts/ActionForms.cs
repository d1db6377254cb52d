namespace Marketplace.Web.Components.Parts;

/// <summary>A price proposal (request, offer, counter-offer) as a person types it.</summary>
public sealed class PriceForm
{
    public decimal? PriceKrw { get; set; }
}

/// <summary>The buyer's confirmation that the agreement read is the one to sign.</summary>
public sealed class VerifyForm
{
    public string? AgreementHash { get; set; }

    public bool ReadAndAgree { get; set; }
}

/// <summary>Why a negotiation or an agreement ends.</summary>
public sealed class TerminateForm
{
    public string? Reason { get; set; }

    public string? Detail { get; set; }
}

/// <summary>A buyer's request: the terms that set the band and the price inside it.</summary>
public sealed class RequestForm
{
    public string? Purpose { get; set; }

    public int? DurationMonths { get; set; }

    public bool Exclusive { get; set; }

    public decimal? PriceKrw { get; set; }

    /// <summary>"quote" shows the band and the voucher for these terms; "send" sends the request.</summary>
    public string? Action { get; set; }
}

/// <summary>Standard terms as a provider fixes them: the terms that set the band, the price inside it, and whether the platform agrees for it.</summary>
public sealed class StandardOfferForm
{
    public string? Purpose { get; set; }

    public int? DurationMonths { get; set; }

    public decimal? PriceKrw { get; set; }

    public bool AutoAgree { get; set; }
}

/// <summary>Which of a list's standard offers a row's button acted on.</summary>
public sealed class OfferChoice
{
    public string? OfferId { get; set; }
}

/// <summary>A button with nothing to type (accept, agree, finalize, publish).</summary>
public sealed class ConfirmForm
{
    public string? Revision { get; set; }
}

/// <summary>An organisation's registration as its contact person fills it in.</summary>
public sealed class RegistrationForm
{
    public string? NameKo { get; set; }

    public string? NameEn { get; set; }

    public string? BusinessRegistrationNumber { get; set; }

    public string? ContactEmail { get; set; }

    public bool Provider { get; set; }

    public bool Buyer { get; set; }

    public bool IsSme { get; set; }
}

/// <summary>A new baseline draft: its category, base price and band, the other factors copied from the version in force.</summary>
public sealed class BaselineForm
{
    public string? ProcessStage { get; set; }

    public string? DataType { get; set; }

    public decimal? BasePrice { get; set; }

    public decimal? FloorPercent { get; set; }

    public decimal? CeilingPercent { get; set; }
}

/// <summary>The terms a baseline draft is previewed for, against real listings of its category.</summary>
public sealed class PreviewForm
{
    public string? Purpose { get; set; } = "research";

    public int? DurationMonths { get; set; } = 12;
}

/// <summary>An invitation of a colleague, or a new API client, by an organisation administrator.</summary>
public sealed class MemberForm
{
    public string? Email { get; set; }

    public string? Name { get; set; }

    public bool OrganisationAdmin { get; set; }
}

/// <summary>A dataspace connector as an organisation administrator registers it: a name, its participant id, one callback address per line.</summary>
public sealed class ConnectorForm
{
    public string? Name { get; set; }

    public string? ParticipantId { get; set; }

    public string? CallbackAddresses { get; set; }
}

/// <summary>A voucher programme as an administrator sets it up.</summary>
public sealed class VoucherForm
{
    public string? Name { get; set; }

    public decimal? SubsidyPercent { get; set; } = 50;

    public decimal? CapPerAgreementKrw { get; set; }

    public decimal? BudgetKrw { get; set; }

    public DateTime? ValidFrom { get; set; }

    public DateTime? ValidTo { get; set; }

    public bool ForSmes { get; set; } = true;
}
