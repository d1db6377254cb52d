namespace Marketplace.Catalog.Domain;

/// <summary>Draft → Published → Withdrawn (final); an administrator may suspend a published listing and reinstate it.</summary>
public enum DatasetStatus
{
    Draft,
    Published,
    Suspended,
    Withdrawn,
}
