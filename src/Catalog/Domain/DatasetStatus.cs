namespace Marketplace.Catalog.Domain;

/// <summary>Draft → Published → Withdrawn (final); an administrator may suspend a published dataset and reinstate it.</summary>
public enum DatasetStatus
{
    Draft,
    Published,
    Suspended,
    Withdrawn,
}
