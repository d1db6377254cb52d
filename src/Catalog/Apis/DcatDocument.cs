using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.BuildingBlocks.Organisations;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.BuildingBlocks.Vocabulary;
using Marketplace.Catalog.Domain;

namespace Marketplace.Catalog.Apis;

/// <summary>
/// DCAT-AP 3 in JSON-LD: a dataset as a <c>dcat:Dataset</c> (its provider named, themes from the taxonomy,
/// temporal coverage, distributions by format without download URLs, and its terms as an ODRL offer),
/// and pages of the catalog as a <c>dcat:Catalog</c>. The context is inline, so the documents expand
/// without fetching anything. Every thing has the IRI <see cref="MarketplaceIris"/> gives it, as in the ODRL
/// agreement and the API; the mandatory and recommended DCAT-AP 3.0.1 shapes hold (checked by a SHACL engine).
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
        ["vcard"] = "http://www.w3.org/2006/vcard/ns#",
        ["dcatap"] = "http://data.europa.eu/r5r/",
    };

    private const string Authority = "http://publications.europa.eu/resource/authority";

    /// <summary>Providers are Korean-registered businesses (they register with a business registration number).</summary>
    private static readonly string Korea = MarketplaceIris.Country("KR");

    public static JsonObject ForDataset(Dataset dataset, string baseUrl, IReadOnlyDictionary<Guid, PartyName> names)
    {
        var document = Dataset(dataset, baseUrl, names);
        document.Insert(0, "@context", Context());
        return document;
    }

    public static JsonObject ForCatalog(
        IReadOnlyList<Dataset> datasets, string baseUrl, IReadOnlyDictionary<Guid, PartyName> names, string pageUrl, string? nextUrl, DateTime now)
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
            ["dct:publisher"] = Agent($"{baseUrl}/", "제조 데이터 마켓플레이스", "Manufacturing Data Marketplace"),
            ["foaf:homepage"] = new JsonObject { ["@id"] = $"{baseUrl}/", ["@type"] = "foaf:Document" },
            ["dct:language"] = new JsonArray(Language("KOR"), Language("ENG")),
            ["dct:license"] = new JsonObject
            {
                ["@id"] = $"{baseUrl}/api/catalog/dcat#metadata-licence",
                ["@type"] = "dct:LicenseDocument",
                ["dct:title"] = Texts("메타데이터는 출처(마켓플레이스)를 밝히고 자유롭게 열람·수집할 수 있음", "The metadata may be read and harvested freely, naming the marketplace as its source"),
                ["dct:type"] = Concept("http://purl.org/adms/licencetype/Attribution", "Attribution"),
            },
            ["dct:spatial"] = Location(Korea),
            // The catalog as a whole: first published with its oldest dataset, changed with its newest change.
            ["dct:issued"] = DateTimeValue(datasets.Select(d => d.PublishedAt).Min() ?? now),
            ["dct:modified"] = DateTimeValue(datasets.Count == 0 ? now : datasets.Max(d => d.UpdatedAt)),
            ["dcat:themeTaxonomy"] = new JsonArray([.. Schemes.Keys.Select(scheme => (JsonNode)Scheme(baseUrl, scheme))]),
            ["dcat:dataset"] = new JsonArray([.. datasets.Select(d => (JsonNode)Dataset(d, baseUrl, names))]),
        };
        var view = new JsonObject { ["@id"] = pageUrl, ["@type"] = "hydra:PartialCollectionView" };
        if (nextUrl is not null)
        {
            view["hydra:next"] = new JsonObject { ["@id"] = nextUrl };
        }

        catalog["hydra:view"] = view;
        return catalog;
    }

    private static JsonObject Dataset(Dataset d, string baseUrl, IReadOnlyDictionary<Guid, PartyName> names)
    {
        var m = d.Metadata;
        var id = MarketplaceIris.Dataset(baseUrl, d.Id);
        var provider = names.TryGetValue(d.ProviderOrganisationId, out var known) ? known : new PartyName(d.ProviderOrganisationId, null, null);
        var publisher = MarketplaceIris.Organisation(baseUrl, d.ProviderOrganisationId);
        var node = new JsonObject
        {
            ["@id"] = id,
            ["@type"] = "dcat:Dataset",
            ["dct:identifier"] = d.Id.ToString(),
            ["dct:title"] = Texts(m.TitleKo, m.TitleEn),
            ["dct:description"] = Texts(m.DescriptionKo, m.DescriptionEn),
            ["dcat:keyword"] = new JsonArray([.. m.Keywords.Select(k => (JsonNode)k)]),
            // Named in Korean and English; an organisation whose names have not arrived yet is named by its id.
            ["dct:publisher"] = Agent(publisher, provider.NameKo, provider.NameEn ?? (provider.NameKo is null ? d.ProviderOrganisationId.ToString() : null)),
            ["dcat:contactPoint"] = new JsonObject
            {
                ["@type"] = "vcard:Kind",
                ["vcard:fn"] = provider.NameEn ?? provider.NameKo ?? d.ProviderOrganisationId.ToString(),
                // Buyers reach the provider by opening a negotiation on the dataset.
                ["vcard:hasURL"] = new JsonObject { ["@id"] = id },
            },
            ["dct:spatial"] = Location(Korea),
            ["dcat:theme"] = new JsonArray([.. Themes(m.Classification, baseUrl)]),
            ["dcat:version"] = d.Version.ToString(CultureInfo.InvariantCulture),
            ["dct:modified"] = DateTimeValue(d.UpdatedAt),
            ["dcat:landingPage"] = new JsonObject { ["@id"] = id, ["@type"] = "foaf:Document" },
            ["dcat:distribution"] = new JsonArray([.. m.Structure.Formats.Select(f => (JsonNode)Distribution(f, id, m.Structure.SizeBytes))]),
            ["odrl:hasPolicy"] = Offer(m.Terms, id, publisher, baseUrl),
        };
        if (d.PublishedAt is { } issued)
        {
            node["dct:issued"] = DateTimeValue(issued);
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
            node["dct:accrualPeriodicity"] = new JsonObject { ["@id"] = $"{Authority}/frequency/{code}", ["@type"] = "dct:Frequency" };
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
                    ["@id"] = MarketplaceIris.Concept(baseUrl, scheme, term.Code),
                    ["@type"] = "skos:Concept",
                    ["skos:prefLabel"] = Texts(term.LabelKo, term.LabelEn),
                    ["skos:inScheme"] = Scheme(baseUrl, scheme),
                };
            }
        }
    }

    /// <summary>
    /// The data is not here: a distribution says in which format the provider delivers it, where to ask (the dataset,
    /// where a negotiation opens), and under what licence: the agreement the two parties finalize.
    /// </summary>
    private static JsonObject Distribution(string format, string datasetId, long? size)
    {
        var distribution = new JsonObject
        {
            ["@type"] = "dcat:Distribution",
            ["dcat:accessURL"] = new JsonObject { ["@id"] = datasetId },
            ["dct:description"] = Texts(
                $"제공자가 계약 체결 후 {format} 형식으로 직접 제공 (마켓플레이스는 데이터를 보관하지 않음)",
                $"Delivered by the provider as {format} once an agreement is finalized; the marketplace does not hold the data."),
            ["dct:format"] = new JsonObject
            {
                ["@id"] = FileTypes.TryGetValue(format, out var type) ? $"{Authority}/file-type/{type}" : $"{Authority}/file-type/OCTET",
                ["@type"] = "dct:MediaTypeOrExtent",
            },
            ["dct:license"] = new JsonObject
            {
                ["@id"] = $"{datasetId}#licence",
                ["@type"] = "dct:LicenseDocument",
                ["dct:title"] = Texts("제공자와 이용자가 체결한 데이터 제공 계약에 따름 (유상)", "As the data provision agreement the provider and the buyer finalize (paid)"),
                ["dct:type"] = Concept("http://purl.org/adms/licencetype/RoyaltiesRequired", "Royalties required"),
            },
            ["dcatap:availability"] = Concept($"{Authority}/planned-availability/AVAILABLE", "Available"),
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
                ["odrl:rightOperand"] = new JsonArray([.. terms.Purposes.Select(p => (JsonNode)new JsonObject { ["@id"] = MarketplaceIris.Purpose(baseUrl, p) })]),
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
            // No target: inside a catalog the offer's target is the dataset that holds it (Dataspace Protocol).
            ["@id"] = $"{datasetId}#offer",
            ["@type"] = "odrl:Offer",
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

    private static JsonObject DateTimeValue(DateTime value) => Typed(value.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), "xsd:dateTime");

    /// <summary>A publisher: named (foaf:name, in Korean and English where known), a company by the ADMS publisher types.</summary>
    private static JsonObject Agent(string iri, string? nameKo, string? nameEn) => new()
    {
        ["@id"] = iri,
        ["@type"] = "foaf:Agent",
        ["foaf:name"] = Texts(nameKo, nameEn),
        ["dct:type"] = Concept("http://purl.org/adms/publishertype/Company", "Company"),
    };

    private static JsonObject Concept(string iri, string labelEn) => new()
    {
        ["@id"] = iri,
        ["@type"] = "skos:Concept",
        ["skos:prefLabel"] = new JsonObject { ["@value"] = labelEn, ["@language"] = "en" },
    };

    /// <summary>The taxonomy's vocabularies that themes come from, as SKOS concept schemes (fragments of the taxonomy endpoint).</summary>
    private static readonly Dictionary<string, (string Ko, string En)> Schemes = new()
    {
        ["processStage"] = ("공정 단계", "Process stage"),
        ["industry"] = ("업종 (KSIC)", "Industry (KSIC)"),
        ["isa95Level"] = ("ISA-95 수준", "ISA-95 level"),
        ["dataType"] = ("데이터 유형", "Data type"),
    };

    private static JsonObject Scheme(string baseUrl, string scheme) => new()
    {
        ["@id"] = MarketplaceIris.Scheme(baseUrl, scheme),
        ["@type"] = "skos:ConceptScheme",
        ["dct:title"] = Texts(Schemes[scheme].Ko, Schemes[scheme].En),
    };

    private static JsonObject Language(string code) => new() { ["@id"] = $"{Authority}/language/{code}", ["@type"] = "dct:LinguisticSystem" };

    /// <summary>Korea with its bounding box and centroid (WGS 84), as DCAT-AP recommends for a location.</summary>
    private static JsonObject Location(string iri) => new()
    {
        ["@id"] = iri,
        ["@type"] = "dct:Location",
        ["dcat:bbox"] = Typed("POLYGON((124.5 33.0,131.9 33.0,131.9 38.7,124.5 38.7,124.5 33.0))", "http://www.opengis.net/ont/geosparql#wktLiteral"),
        ["dcat:centroid"] = Typed("POINT(127.8 36.5)", "http://www.opengis.net/ont/geosparql#wktLiteral"),
    };
}
