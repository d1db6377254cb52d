using Marketplace.BuildingBlocks.Errors;

namespace Marketplace.Catalog.Domain;

/// <summary>
/// What a dataset must say before buyers see it, and keep saying while they do: what a buyer needs to judge
/// it and what DCAT-AP 3 makes mandatory (a description), how it is priced (process stage and data type pick
/// the baseline) and what is offered (the purposes). A draft may lack them; publishing or editing a published
/// dataset without them is a 422 naming each missing field.
/// </summary>
public static class PublishingRules
{
    public static void Check(DatasetMetadata m) => new Validator()
        .Require(!string.IsNullOrWhiteSpace(m.DescriptionKo) || !string.IsNullOrWhiteSpace(m.DescriptionEn), "descriptionKo",
            "A published dataset needs a Korean or an English description.")
        .Require(m.Classification.ProcessStage is not null, "classification.processStage", "A published dataset needs its process stage.")
        .Require(m.Classification.DataTypes.Length > 0, "classification.dataTypes", "A published dataset needs at least one data type.")
        .Require(m.Terms.Purposes.Length > 0, "terms.purposes", "A published dataset offers at least one purpose.")
        .ThrowIfBroken("The dataset lacks what publishing requires.");
}
