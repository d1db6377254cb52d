namespace Marketplace.BuildingBlocks.Vocabulary;

/// <summary>One entry of a controlled vocabulary: a stable code and its Korean and English labels.</summary>
public sealed record Term(string Code, string LabelKo, string LabelEn);
