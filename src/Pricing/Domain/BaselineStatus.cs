namespace Marketplace.Pricing.Domain;

public enum BaselineStatus
{
    Draft,
    Published,
}
