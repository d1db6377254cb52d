using Marketplace.BuildingBlocks.Errors;
using Marketplace.Catalog.Domain;

namespace Marketplace.Catalog.Apis;

/// <summary>A new draft. The provider is the caller's organisation, from the access token, never from the body.</summary>
public sealed record CreateDatasetRequest(string? TitleKo, string? TitleEn)
{
    public void Validate() => new Validator()
        .Require(!string.IsNullOrWhiteSpace(TitleKo) || !string.IsNullOrWhiteSpace(TitleEn), nameof(TitleKo), "A Korean or an English title is required.")
        .MaxLength(TitleKo, DatasetLimits.TitleLength, nameof(TitleKo))
        .MaxLength(TitleEn, DatasetLimits.TitleLength, nameof(TitleEn))
        .ThrowIfInvalid();
}
