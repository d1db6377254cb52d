using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.BuildingBlocks.Vocabulary;

namespace Marketplace.Contracts.Domain;

/// <summary>
/// The agreement's terms as an ODRL 2.2 Agreement (JSON-LD), in the shape the Dataspace Protocol 2025-1 carries in a
/// ContractAgreementMessage (checked against its schemas in a test). The context is inline (the ODRL terms it uses,
/// mapped to their IRIs), so a processor expands it without fetching anything. The parties, the dataset version and
/// the purposes have the IRIs the catalog and the API give them (<see cref="MarketplaceIris"/>). Exclusivity,
/// liability and dispute resolution have no ODRL term: they are in the agreement text and document.
/// </summary>
public static class OdrlPolicy
{
    /// <summary>The ODRL 2.2 namespace.</summary>
    public const string Odrl = "http://www.w3.org/ns/odrl/2/";

    public static JsonObject Of(Agreement a, string root)
    {
        var (permissions, prohibitions, obligations) = Rules(a.Terms, a.PriceKrw, root,
            Constraint("dateTime", "gteq", Typed(a.StartsAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), "dateTime")),
            Constraint("dateTime", "lt", Typed(a.EndsAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), "dateTime")));
        var policy = new JsonObject
        {
            ["@context"] = Context(),
            ["@type"] = "Agreement",
            ["uid"] = MarketplaceIris.Agreement(root, a.Id),
            ["assigner"] = MarketplaceIris.Organisation(root, a.ProviderOrganisationId),
            ["assignee"] = MarketplaceIris.Organisation(root, a.BuyerOrganisationId),
            // The version agreed on; its IRI is under the dataset's.
            ["target"] = MarketplaceIris.DatasetVersion(root, a.DatasetId, a.DatasetVersion),
            // When it took effect: finalized (or, for a draft, when the provider signed).
            ["timestamp"] = (a.FinalizedAt ?? a.ProviderSignature.At).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["permission"] = permissions,
        };
        if (prohibitions.Count > 0)
        {
            policy["prohibition"] = prohibitions;
        }

        policy["obligation"] = obligations;
        return policy;
    }

    /// <summary>
    /// A standard offer as the ODRL Offer a Dataspace Protocol catalog lists in a dataset's <c>hasPolicy</c> (no target: the
    /// dataset holding it is the target), in the marketplace's ODRL profile: ODRL's own terms by their short names
    /// (<see cref="ProfileContext"/> makes ODRL the vocabulary), the price a duty to compensate with <c>payAmount</c> in
    /// KRW, the duration an <c>elapsedTime</c> from the start the request names, the marketplace's other terms under
    /// its terms vocabulary. Its <c>@id</c> is the offer's API address: a DSP request refers to it.
    /// </summary>
    public static JsonObject Offer(StandardOffer o, string root) => Offer(StandardOfferIri(root, o.Id), o.Terms, o.PriceKrw, o.ProviderOrganisationId, root);

    /// <summary>Terms at a price as an ODRL Offer with this <c>@id</c> (a standard offer's, or a provider's offer in a negotiation).</summary>
    public static JsonObject Offer(string id, ContractTerms t, decimal price, Guid provider, string root)
    {
        var terms = TermsIri(root);
        var (permissions, prohibitions, obligations) = Rules(t, price, root,
            Constraint("elapsedTime", "eq", Typed($"P{t.DurationMonths.ToString(CultureInfo.InvariantCulture)}M", "duration")),
            Constraint($"{terms}exclusive", "eq", Typed(t.Exclusive ? "true" : "false", "boolean")),
            Constraint($"{terms}liabilityCapKrw", "eq", Typed(t.LiabilityCapKrw.ToString("0", CultureInfo.InvariantCulture), "decimal")),
            Constraint($"{terms}disputeResolution", "eq", Iri($"{terms}disputeResolution-{t.DisputeResolution}")));
        var offer = new JsonObject
        {
            ["@id"] = id,
            ["@type"] = "Offer",
            ["profile"] = DataspaceProtocol.Profile(root),
            ["assigner"] = MarketplaceIris.Organisation(root, provider),
            ["permission"] = permissions,
            ["obligation"] = obligations,
        };
        if (prohibitions.Count > 0)
        {
            offer["prohibition"] = prohibitions;
        }

        return offer;
    }

    /// <summary>
    /// The rules the terms make, one way for agreements and offers: use for the purposes and territory (and
    /// <paramref name="useConstraints"/>: when, for how long, on what else) with the duty to pay the price; derive and
    /// distribute permitted or prohibited; deletion within the days after the end.
    /// </summary>
    private static (JsonArray Permissions, JsonArray Prohibitions, JsonArray Obligations) Rules(
        ContractTerms t, decimal price, string root, params JsonNode[] useConstraints)
    {
        var permissions = new JsonArray
        {
            Rule("use", [
                Constraint("purpose", "isAnyOf", new JsonArray([.. t.Purposes.Select(p => (JsonNode)Iri(MarketplaceIris.Purpose(root, p)))])),
                Constraint("spatial", "isAnyOf", new JsonArray([.. t.Territory.Select(c => (JsonNode)Iri(MarketplaceIris.Country(c)))])),
                .. useConstraints,
            ], [
                Duty("compensate", Constraint("payAmount", "eq", Typed(price.ToString("0", CultureInfo.InvariantCulture), "decimal"), "https://www.iso.org/iso-4217-currency-codes.html#KRW")),
            ]),
        };
        var prohibitions = new JsonArray();
        (t.DerivativeWorks ? permissions : prohibitions).Add(Rule("derive", [], []));
        if (t.Redistribution == "derived-products-only")
        {
            permissions.Add(Rule("distribute", [Constraint("product", "eq", Iri($"{TermsIri(root)}redistribution-derived-products-only"))], []));
        }
        else
        {
            prohibitions.Add(Rule("distribute", [], []));
        }

        var obligations = new JsonArray(Rule("delete", [Constraint("elapsedTime", "lteq", Typed($"P{t.DeletionDays}D", "duration"))], []));
        return (permissions, prohibitions, obligations);
    }

    /// <summary>The namespace of the marketplace's own terms in the profile (<c>exclusive</c>, <c>liabilityCapKrw</c>, …): its terms vocabulary.</summary>
    public static string TermsIri(string root) => $"{root}/api/contracts/terms-vocabulary#";

    public static string StandardOfferIri(string root, Guid id) => $"{root}/api/contracts/standard-offers/{id}";

    /// <summary>The standard offer an IRI of <see cref="StandardOfferIri"/> names, or null for any other IRI.</summary>
    public static Guid? StandardOfferIn(string root, string? iri)
    {
        var prefix = StandardOfferIri(root, Guid.Empty)[..^Guid.Empty.ToString().Length];
        return iri is not null && iri.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(iri[prefix.Length..], out var id) ? id : null;
    }

    /// <summary>
    /// The marketplace's ODRL profile as a JSON-LD context, added after the DSP context in every DSP document the marketplace
    /// writes (it only adds to it: ODRL as the vocabulary of undefined terms, and the XML Schema prefix for typed values).
    /// </summary>
    public static JsonObject ProfileContext() => new()
    {
        ["@version"] = 1.1,
        ["@vocab"] = Odrl,
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
        ["unit"] = new JsonObject { ["@id"] = "http://www.w3.org/ns/odrl/2/unit", ["@type"] = "@id" },
    };

    private static JsonObject Iri(string iri) => new() { ["@id"] = iri };

    private static JsonObject Context() => new()
    {
        ["odrl"] = Odrl,
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
        ["dspace"] = "https://w3id.org/dspace/2025/1/",
        // The Dataspace Protocol's agreement timestamp (ODRL has none).
        ["timestamp"] = "dspace:timestamp",
        ["Agreement"] = "odrl:Agreement",
        ["uid"] = "@id",
        ["assigner"] = new JsonObject { ["@id"] = "odrl:assigner", ["@type"] = "@id" },
        ["assignee"] = new JsonObject { ["@id"] = "odrl:assignee", ["@type"] = "@id" },
        ["target"] = new JsonObject { ["@id"] = "odrl:target", ["@type"] = "@id" },
        ["permission"] = new JsonObject { ["@id"] = "odrl:permission", ["@container"] = "@set" },
        ["prohibition"] = new JsonObject { ["@id"] = "odrl:prohibition", ["@container"] = "@set" },
        ["obligation"] = new JsonObject { ["@id"] = "odrl:obligation", ["@container"] = "@set" },
        ["duty"] = new JsonObject { ["@id"] = "odrl:duty", ["@container"] = "@set" },
        ["action"] = new JsonObject { ["@id"] = "odrl:action", ["@type"] = "@vocab" },
        ["constraint"] = new JsonObject { ["@id"] = "odrl:constraint", ["@container"] = "@set" },
        ["leftOperand"] = new JsonObject { ["@id"] = "odrl:leftOperand", ["@type"] = "@vocab" },
        ["operator"] = new JsonObject { ["@id"] = "odrl:operator", ["@type"] = "@vocab" },
        ["rightOperand"] = new JsonObject { ["@id"] = "odrl:rightOperand" },
        ["unit"] = new JsonObject { ["@id"] = "odrl:unit", ["@type"] = "@id" },
        ["@vocab"] = Odrl,
    };

    private static JsonObject Rule(string action, JsonNode[] constraints, JsonNode[] duties)
    {
        var rule = new JsonObject { ["action"] = action };
        if (constraints.Length > 0)
        {
            rule["constraint"] = new JsonArray(constraints);
        }

        if (duties.Length > 0)
        {
            rule["duty"] = new JsonArray(duties);
        }

        return rule;
    }

    private static JsonObject Duty(string action, JsonNode constraint) => new() { ["action"] = action, ["constraint"] = new JsonArray(constraint) };

    private static JsonObject Constraint(string left, string op, JsonNode right, string? unit = null)
    {
        var c = new JsonObject { ["leftOperand"] = left, ["operator"] = op, ["rightOperand"] = right };
        if (unit is not null)
        {
            c["unit"] = unit;
        }

        return c;
    }

    private static JsonObject Typed(string value, string xsdType) => new() { ["@value"] = value, ["@type"] = $"xsd:{xsdType}" };
}
