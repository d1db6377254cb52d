namespace Marketplace.Catalog.Domain;

/// <summary>Sizes a dataset may have. The catalog holds metadata: anything larger is not metadata.</summary>
public static class DatasetLimits
{
    public const int TitleLength = 200;
    public const int DescriptionLength = 10_000;
    public const int Keywords = 30;
    public const int KeywordLength = 50;
    public const int SchemaFields = 500;
    public const int TextLength = 2_000;
    public const int VisibleToOrganisations = 200;
    public const int MaxDurationMonths = 120;

    /// <summary>Largest request body a catalog write accepts (413 beyond).</summary>
    public const int RequestBodyBytes = 256 * 1024;

    public const int PreviewBytes = 64 * 1024;
    public const int PreviewRows = 20;

    /// <summary>A base64-only string this long is an embedded file, not a description.</summary>
    public const int EmbeddedFileThreshold = 1_024;
}
