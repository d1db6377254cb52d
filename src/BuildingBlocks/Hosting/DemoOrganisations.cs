namespace Marketplace.BuildingBlocks.Hosting;

/// <summary>
/// Fixed ids of the demo organisations (demo mode only), so that Identity's demo organisations and
/// Catalog's demo datasets agree without either module asking the other.
/// </summary>
public static class DemoOrganisations
{
    public static readonly Guid ProviderX = new("d0000000-0000-4000-8000-00000000000a");
    public static readonly Guid ProviderY = new("d0000000-0000-4000-8000-00000000000b");
    public static readonly Guid BuyerA = new("d0000000-0000-4000-8000-00000000000c");
    public static readonly Guid BuyerB = new("d0000000-0000-4000-8000-00000000000d");
}
