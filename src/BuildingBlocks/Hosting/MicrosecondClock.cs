namespace Marketplace.BuildingBlocks.Hosting;

/// <summary>
/// The system clock at the precision PostgreSQL keeps (whole microseconds): a moment the marketplace records is the
/// same whether it is signed into a receipt, shown by the API straight away, or read back from either store.
/// </summary>
public sealed class MicrosecondClock : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
