namespace Marketplace.BuildingBlocks.Pricing;

/// <summary>What of a dataset moves its price: record count, months of history, completeness, labels.</summary>
public sealed record DatasetPriceInputs(long RecordCount, int HistoryMonths, int MetadataScore, bool Labelled)
{
    /// <summary>Months of history a coverage spans, both months counted (0 when unknown).</summary>
    public static int HistoryMonthsOf(DateOnly? from, DateOnly? to) => from is { } f && to is { } t
        ? Math.Max(0, ((t.Year - f.Year) * 12) + t.Month - f.Month + 1)
        : 0;
}
