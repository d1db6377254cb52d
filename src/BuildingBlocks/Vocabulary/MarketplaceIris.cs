using System.Globalization;

namespace Marketplace.BuildingBlocks.Vocabulary;

/// <summary>
/// One identifier per thing, the same in DCAT, ODRL and the API: dereferenceable HTTPS IRIs under the public base
/// URL (<c>root</c>, see <c>PublicAddress</c>), each the API address of the thing; codes of the taxonomy are
/// fragments of the taxonomy endpoint. Countries use the EU authority table DCAT-AP names.
/// </summary>
public static class MarketplaceIris
{
    public static string Dataset(string root, Guid id) => $"{root}/api/catalog/datasets/{id}";

    /// <summary>One published version of a dataset (it links to the dataset with <c>dct:isVersionOf</c>).</summary>
    public static string DatasetVersion(string root, Guid id, int version) =>
        $"{Dataset(root, id)}/versions/{version.ToString(CultureInfo.InvariantCulture)}";

    public static string Organisation(string root, Guid id) => $"{root}/api/identity/organisations/{id}";

    public static string Agreement(string root, Guid id) => $"{root}/api/contracts/agreements/{id}";

    public static string Taxonomy(string root) => $"{root}/api/catalog/taxonomy";

    /// <summary>A vocabulary of the taxonomy (processStage, purpose, …) as a SKOS concept scheme.</summary>
    public static string Scheme(string root, string scheme) => $"{Taxonomy(root)}#{scheme}";

    public static string Concept(string root, string scheme, string code) => $"{Taxonomy(root)}#{scheme}-{code}";

    public static string Purpose(string root, string code) => Concept(root, "purpose", code);

    private const string Countries = "http://publications.europa.eu/resource/authority/country/";

    /// <summary>An ISO 3166-1 alpha-2 code as the EU country authority's IRI (alpha-3), e.g. KR → …/country/KOR.</summary>
    public static string Country(string alpha2) => $"{Countries}{new RegionInfo(alpha2).ThreeLetterISORegionName}";

    /// <summary>The alpha-2 code of a country IRI of <see cref="Country"/> (…/country/KOR → KR); null for any other IRI.</summary>
    public static string? CountryCode(string? iri) =>
        iri is not null && iri.StartsWith(Countries, StringComparison.Ordinal) ? Alpha3.ToAlpha2.GetValueOrDefault(iri[Countries.Length..]) : null;

    /// <summary>Alpha-3 to alpha-2 codes of the regions .NET knows, built the first time a country IRI is read back.</summary>
    private static class Alpha3
    {
        public static readonly Dictionary<string, string> ToAlpha2 = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c =>
            {
                try
                {
                    return new RegionInfo(c.Name);
                }
                catch (ArgumentException)
                {
                    return null;
                }
            })
            .OfType<RegionInfo>()
            .DistinctBy(r => r.ThreeLetterISORegionName)
            .ToDictionary(r => r.ThreeLetterISORegionName, r => r.TwoLetterISORegionName);
    }
}
