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

/// <summary>A button with nothing to type (accept, agree, finalize, publish).</summary>
public sealed class ConfirmForm
{
    public string? Revision { get; set; }
}
