namespace Marketplace.Catalog.Domain;

public static class DatasetLimits
{
    public const int TitleLength = 200;
}
