using System.Text.Json.Nodes;
using Marketplace.BuildingBlocks.Vocabulary;

namespace Marketplace.Contracts.Domain;

/// <summary>
/// The marketplace's datasets as the Dataspace Protocol 2025-1 catalog shows them to a connector: DCAT datasets (their
/// <c>@id</c> the dataset's IRI, as in the DCAT export) with their active standard offers as <c>hasPolicy</c> and one
/// distribution negotiated and served through the marketplace's DSP endpoint. A dataset without a standard offer has
/// nothing a connector could request by reference, and DSP requires one offer at least, so it is not listed.
/// </summary>
public static class DspCatalog
{
    public static JsonObject Catalog(IEnumerable<(DatasetCopy Dataset, IReadOnlyList<StandardOffer> Offers)> datasets, string root)
    {
        var service = Service(root);
        var catalog = new JsonObject
        {
            ["@context"] = Context(),
            ["@id"] = $"{root}{DataspaceProtocol.Path}/catalog",
            ["@type"] = "Catalog",
            ["participantId"] = ParticipantId(root),
            ["dct:title"] = "Manufacturing Data Marketplace",
            ["service"] = new JsonArray(service),
        };
        var items = new JsonArray([.. datasets.Select(d => (JsonNode)Dataset(d.Dataset, d.Offers, root, withContext: false))]);
        if (items.Count > 0)
        {
            catalog["dataset"] = items;
        }

        return catalog;
    }

    public static JsonObject Dataset(DatasetCopy dataset, IReadOnlyList<StandardOffer> offers, string root, bool withContext = true)
    {
        var titles = new JsonArray();
        foreach (var (title, language) in new[] { (dataset.TitleKo, "ko"), (dataset.TitleEn, "en") })
        {
            if (!string.IsNullOrWhiteSpace(title))
            {
                titles.Add(new JsonObject { ["@value"] = title, ["@language"] = language });
            }
        }

        var node = new JsonObject();
        if (withContext)
        {
            node["@context"] = Context();
        }

        node["@id"] = MarketplaceIris.Dataset(root, dataset.DatasetId);
        node["@type"] = "Dataset";
        node["dct:title"] = titles;
        node["dct:hasVersion"] = new JsonObject { ["@id"] = MarketplaceIris.DatasetVersion(root, dataset.DatasetId, dataset.Version) };
        node["dct:publisher"] = new JsonObject { ["@id"] = MarketplaceIris.Organisation(root, dataset.ProviderOrganisationId) };
        node["hasPolicy"] = new JsonArray([.. offers.Select(o => (JsonNode)OdrlPolicy.Offer(o, root))]);
        node["distribution"] = new JsonArray(new JsonObject
        {
            ["@type"] = "Distribution",
            // Access follows the agreement: an access grant the provider's own endpoint checks (the marketplace never holds the data).
            ["format"] = "dspace:HttpData-PULL",
            ["accessService"] = ServiceId(root),
        });
        return node;
    }

    /// <summary>A DSP error of the catalog protocol: <paramref name="code"/> the HTTP status, the reasons in words.</summary>
    public static JsonObject Error(int code, params string[] reasons) => new()
    {
        ["@context"] = new JsonArray(DataspaceProtocol.Context),
        ["@type"] = "CatalogError",
        ["code"] = code.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["reason"] = new JsonArray([.. reasons.Select(r => (JsonNode)r)]),
    };

    /// <summary>The participant the marketplace is in the dataspace: the platform, negotiating on its providers' behalf.</summary>
    public static string ParticipantId(string root) => $"{root}/";

    private static string ServiceId(string root) => $"{root}{DataspaceProtocol.Path}#service";

    private static JsonObject Service(string root) => new()
    {
        ["@id"] = ServiceId(root),
        ["@type"] = "DataService",
        ["endpointURL"] = $"{root}{DataspaceProtocol.Path}",
    };

    /// <summary>The context of the DSP messages the marketplace writes: DSP's, then its ODRL profile's.</summary>
    internal static JsonArray Context() => new(DataspaceProtocol.Context, OdrlPolicy.ProfileContext());
}
