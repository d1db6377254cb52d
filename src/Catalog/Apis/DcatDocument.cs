using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Domain;
using Marketplace.BuildingBlocks.ServiceDefaults;

namespace Marketplace.Catalog.Apis;

/// <summary>
/// DCAT-AP 3 in JSON-LD: a listing as a <c>dcat:Dataset</c> (publisher, themes from the taxonomy,
/// temporal coverage, distributions by format without download URLs, and its terms as an ODRL offer),
/// and pages of the catalog as a <c>dcat:Catalog</c>. The context is inline, so the documents expand
/// without fetching anything.
/// </summary>
public static class DcatDocument
{
    public const string MediaType = JsonLdDocument.MediaType;

    private static readonly Dictionary<string, string> Frequencies = new()
    {
        ["once"] = "NEVER",
        ["continuous"] = "CONT",
        ["daily"] = "DAILY",
        ["weekly"] = "WEEKLY",
        ["monthly"] = "MONTHLY",
        ["quarterly"] = "QUARTERLY",
        ["yearly"] = "ANNUAL",
    };

    private static readonly Dictionary<string, string> FileTypes = new()
    {
        ["csv"] = "CSV", ["parquet"] = "PARQUET", ["json"] = "JSON", ["xlsx"] = "XLSX", ["images"] = "TIFF", ["video"] = "MP4",
        ["audio"] = "WAV", ["step"] = "STEP", ["stl"] = "STL", ["pdf"] = "PDF", ["sql"] = "SQL",
    };

    public static JsonObject Context() => new()
    {
        ["dcat"] = "http://www.w3.org/ns/dcat#",
        ["dct"] = "http://purl.org/dc/terms/",
        ["foaf"] = "http://xmlns.com/foaf/0.1/",
        ["odrl"] = "http://www.w3.org/ns/odrl/2/",
        ["skos"] = "http://www.w3.org/2004/02/skos/core#",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
        ["hydra"] = "http://www.w3.org/ns/hydra/core#",
    };

    public static JsonObject ForDataset(Dataset dataset, string baseUrl)
    {
        var document = Dataset(dataset, baseUrl);
        document.Insert(0, "@context", Context());
        return document;
    }

    public static JsonObject ForCatalog(IEnumerable<Dataset> datasets, string baseUrl, string pageUrl, string? nextUrl)
    {
        var catalog = new JsonObject
        {
            ["@context"] = Context(),
            ["@id"] = $"{baseUrl}/api/catalog/dcat",
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = Texts("제조 데이터 마켓플레이스", "Manufacturing Data Marketplace"),
            ["dct:description"] = Texts(
                "제조 데이터셋의 메타데이터 카탈로그 (데이터 자체는 제공자가 보관)",
                "Metadata of manufacturing datasets; the data stays with its providers."),
            ["dct:publisher"] = new JsonObject { ["@id"] = $"{baseUrl}/", ["@type"] = "foaf:Agent", ["foaf:name"] = "Manufacturing Data Marketplace" },
            ["dcat:dataset"] = new JsonArray([.. datasets.Select(d => (JsonNode)Dataset(d, baseUrl))]),
        };
        var view = new JsonObject { ["@id"] = pageUrl, ["@type"] = "hydra:PartialCollectionView" };
        if (nextUrl is not null)
        {
            view["hydra:next"] = new JsonObject { ["@id"] = nextUrl };
        }

        catalog["hydra:view"] = view;
        return catalog;
    }

    private static JsonObject Dataset(Dataset d, string baseUrl)
    {
        var m = d.Metadata;
        var id = $"{baseUrl}/api/catalog/datasets/{d.Id}";
        var publisher = $"urn:uuid:{d.ProviderOrganisationId}";
        var node = new JsonObject
        {
            ["@id"] = id,
            ["@type"] = "dcat:Dataset",
            ["dct:identifier"] = d.Id.ToString(),
            ["dct:title"] = Texts(m.TitleKo, m.TitleEn),
            ["dct:description"] = Texts(m.DescriptionKo, m.DescriptionEn),
            ["dcat:keyword"] = new JsonArray([.. m.Keywords.Select(k => (JsonNode)k)]),
            ["dct:publisher"] = new JsonObject { ["@id"] = publisher, ["@type"] = "foaf:Agent" },
            ["dcat:theme"] = new JsonArray([.. Themes(m.Classification, baseUrl)]),
            ["dcat:version"] = d.Version.ToString(CultureInfo.InvariantCulture),
            ["dct:modified"] = Typed(d.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), "xsd:dateTime"),
            ["dcat:landingPage"] = new JsonObject { ["@id"] = id },
            ["dcat:distribution"] = new JsonArray([.. m.Structure.Formats.Select(f => (JsonNode)Distribution(f, id, m.Structure.SizeBytes))]),
            ["odrl:hasPolicy"] = Offer(m.Terms, id, publisher, baseUrl),
        };
        if (d.PublishedAt is { } issued)
        {
            node["dct:issued"] = Typed(issued.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), "xsd:dateTime");
        }

        if (m.Structure.CoverageFrom is not null || m.Structure.CoverageTo is not null)
        {
            var period = new JsonObject { ["@type"] = "dct:PeriodOfTime" };
            if (m.Structure.CoverageFrom is { } from)
            {
                period["dcat:startDate"] = Typed(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "xsd:date");
            }

            if (m.Structure.CoverageTo is { } to)
            {
                period["dcat:endDate"] = Typed(to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "xsd:date");
            }

            node["dct:temporal"] = period;
        }

        if (m.Structure.SamplingInterval is { } interval)
        {
            node["dcat:temporalResolution"] = Typed(interval, "xsd:duration");
        }

        if (m.Structure.UpdateFrequency is { } frequency && Frequencies.TryGetValue(frequency, out var code))
        {
            node["dct:accrualPeriodicity"] = new JsonObject { ["@id"] = $"http://publications.europa.eu/resource/authority/frequency/{code}" };
        }

        return node;
    }

    private static IEnumerable<JsonNode> Themes(Classification c, string baseUrl)
    {
        var themes = new List<(string Scheme, Term? Term)>
        {
            ("processStage", Taxonomy.Find(Taxonomy.ProcessStages, c.ProcessStage)),
            ("industry", Taxonomy.Find(Taxonomy.Industries, c.Industry)),
            ("isa95Level", Taxonomy.Find(Taxonomy.Isa95Levels, c.Isa95Level?.ToString(CultureInfo.InvariantCulture))),
        };
        themes.AddRange(c.DataTypes.Select(t => ("dataType", Taxonomy.Find(Taxonomy.DataTypes, t))));
        foreach (var (scheme, term) in themes)
        {
            if (term is not null)
            {
                yield return new JsonObject
                {
                    ["@id"] = $"{baseUrl}/api/catalog/taxonomy#{scheme}-{term.Code}",
                    ["@type"] = "skos:Concept",
                    ["skos:prefLabel"] = Texts(term.LabelKo, term.LabelEn),
                    ["skos:inScheme"] = new JsonObject { ["@id"] = $"{baseUrl}/api/catalog/taxonomy#{scheme}" },
                };
            }
        }
    }

    /// <summary>The data is not here: a distribution says in which format the provider delivers it, and where to ask.</summary>
    private static JsonObject Distribution(string format, string datasetId, long? size)
    {
        var distribution = new JsonObject
        {
            ["@type"] = "dcat:Distribution",
            ["dcat:accessURL"] = new JsonObject { ["@id"] = datasetId },
            ["dct:format"] = FileTypes.TryGetValue(format, out var type)
                ? new JsonObject { ["@id"] = $"http://publications.europa.eu/resource/authority/file-type/{type}" }
                : format,
        };
        if (size is { } bytes)
        {
            distribution["dcat:byteSize"] = Typed(bytes.ToString(CultureInfo.InvariantCulture), "xsd:nonNegativeInteger");
        }

        return distribution;
    }

    private static JsonObject Offer(OfferedTerms terms, string datasetId, string publisher, string baseUrl)
    {
        var constraints = new JsonArray();
        if (terms.Purposes.Length > 0)
        {
            constraints.Add(new JsonObject
            {
                ["odrl:leftOperand"] = new JsonObject { ["@id"] = "odrl:purpose" },
                ["odrl:operator"] = new JsonObject { ["@id"] = "odrl:isAnyOf" },
                ["odrl:rightOperand"] = new JsonArray([.. terms.Purposes.Select(p => (JsonNode)new JsonObject { ["@id"] = $"{baseUrl}/api/catalog/taxonomy#purpose-{p}" })]),
            });
        }

        if (terms.MaxDurationMonths is { } months)
        {
            constraints.Add(new JsonObject
            {
                ["odrl:leftOperand"] = new JsonObject { ["@id"] = "odrl:elapsedTime" },
                ["odrl:operator"] = new JsonObject { ["@id"] = "odrl:lteq" },
                ["odrl:rightOperand"] = Typed($"P{months}M", "xsd:duration"),
            });
        }

        return new JsonObject
        {
            ["@id"] = $"{datasetId}#offer",
            ["@type"] = "odrl:Offer",
            ["odrl:target"] = new JsonObject { ["@id"] = datasetId },
            ["odrl:assigner"] = new JsonObject { ["@id"] = publisher },
            ["odrl:permission"] = new JsonArray(new JsonObject
            {
                ["odrl:action"] = new JsonObject { ["@id"] = "odrl:use" },
                ["odrl:constraint"] = constraints,
            }),
        };
    }

    private static JsonArray Texts(string? ko, string? en)
    {
        var texts = new JsonArray();
        if (!string.IsNullOrWhiteSpace(ko))
        {
            texts.Add(new JsonObject { ["@value"] = ko, ["@language"] = "ko" });
        }

        if (!string.IsNullOrWhiteSpace(en))
        {
            texts.Add(new JsonObject { ["@value"] = en, ["@language"] = "en" });
        }

        return texts;
    }

    private static JsonObject Typed(string value, string type) => new() { ["@value"] = value, ["@type"] = type };
}
