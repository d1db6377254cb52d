namespace Marketplace.Web.Resources;

/// <summary>The console's words: <c>Text.resx</c> in Korean (the default), <c>Text.en.resx</c> in English.</summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<Text>, never instantiated.
public sealed class Text;
#pragma warning restore CA1052
