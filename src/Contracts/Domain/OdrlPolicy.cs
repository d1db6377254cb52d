using System.Text.Json.Nodes;

namespace Marketplace.Contracts.Domain;

/// <summary>
/// The agreement's terms as an ODRL 2.2 Agreement (JSON-LD). The context is inline (the ODRL terms it
/// uses, mapped to their IRIs), so a processor expands it without fetching anything. Exclusivity,
/// liability and dispute resolution have no ODRL term: they are in the agreement text and document.
/// </summary>
public static class OdrlPolicy
{
    private const string Odrl = "http://www.w3.org/ns/odrl/2/";

    public static JsonObject Of(Agreement a)
    {
        var t = a.Terms;
        var permissions = new JsonArray
        {
            Rule("use", [
                Constraint("purpose", "isAnyOf", new JsonArray([.. t.Purposes.Select(p => (JsonNode)$"urn:marketplace:purpose:{p}")])),
                Constraint("spatial", "isAnyOf", new JsonArray([.. t.Territory.Select(c => (JsonNode)$"urn:iso:std:iso:3166:-1:{c}")])),
                Constraint("dateTime", "gteq", Typed(a.StartsAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), "dateTime")),
                Constraint("dateTime", "lt", Typed(a.EndsAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), "dateTime")),
            ], [
                Duty("compensate", Constraint("payAmount", "eq", Typed(a.PriceKrw.ToString("0"), "decimal"), "https://www.iso.org/iso-4217-currency-codes.html#KRW")),
            ]),
        };
        var prohibitions = new JsonArray();
        if (t.DerivativeWorks)
        {
            permissions.Add(Rule("derive", [], []));
        }
        else
        {
            prohibitions.Add(Rule("derive", [], []));
        }

        if (t.Redistribution == "derived-products-only")
        {
            permissions.Add(Rule("distribute", [Constraint("product", "eq", "urn:marketplace:derived-product")], []));
        }
        else
        {
            prohibitions.Add(Rule("distribute", [], []));
        }

        return new JsonObject
        {
            ["@context"] = Context(),
            ["@type"] = "Agreement",
            ["uid"] = $"urn:uuid:{a.Id}",
            ["assigner"] = $"urn:marketplace:organisation:{a.ProviderOrganisationId}",
            ["assignee"] = $"urn:marketplace:organisation:{a.BuyerOrganisationId}",
            ["target"] = $"urn:marketplace:dataset:{a.DatasetId}:v{a.ListingVersion}",
            ["permission"] = permissions,
            ["prohibition"] = prohibitions,
            ["obligation"] = new JsonArray
            {
                Rule("delete", [Constraint("elapsedTime", "lteq", Typed($"P{t.DeletionDays}D", "duration"))], []),
            },
        };
    }

    private static JsonObject Context() => new()
    {
        ["odrl"] = Odrl,
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
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
