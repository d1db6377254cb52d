using Marketplace.BuildingBlocks.Errors;
using Marketplace.Catalog.Domain;

namespace Marketplace.Catalog.Apis;

/// <param name="ProviderOrganisationId">
/// The offering organisation. Until sign-in exists (identity issue) the caller names it; it will then
/// come from the access token instead.
/// </param>
public sealed record CreateDatasetRequest(Guid ProviderOrganisationId, string? TitleKo, string? TitleEn)
{
    public void Validate() => new Validator()
        .Require(ProviderOrganisationId != Guid.Empty, nameof(ProviderOrganisationId), "Required.")
        .Require(!string.IsNullOrWhiteSpace(TitleKo) || !string.IsNullOrWhiteSpace(TitleEn), nameof(TitleKo), "A Korean or an English title is required.")
        .MaxLength(TitleKo, DatasetLimits.TitleLength, nameof(TitleKo))
        .MaxLength(TitleEn, DatasetLimits.TitleLength, nameof(TitleEn))
        .ThrowIfInvalid();
}
