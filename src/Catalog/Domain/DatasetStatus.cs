namespace Marketplace.Catalog.Domain;

public enum DatasetStatus
{
    Draft,
    Published,
}
