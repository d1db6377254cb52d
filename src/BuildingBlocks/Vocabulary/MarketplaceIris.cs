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

    /// <summary>An ISO 3166-1 alpha-2 code as the EU country authority's IRI (alpha-3), e.g. KR → …/country/KOR.</summary>
    public static string Country(string alpha2) =>
        $"http://publications.europa.eu/resource/authority/country/{new RegionInfo(alpha2).ThreeLetterISORegionName}";
}
