namespace Marketplace.Catalog.Domain;

/// <summary>
/// One spelling for words English writes two ways (British → American, as most Korean manufacturers' English
/// documents use) and for common manufacturing abbreviations, applied to documents and queries alike before
/// stemming: "mould" finds "mold", "injection moulding" finds "injection molding", "temp" finds "temperature".
/// </summary>
public static class EnglishSynonyms
{
    private static readonly Dictionary<string, string> Canonical = new(StringComparer.Ordinal)
    {
        // British and American spellings.
        ["mould"] = "mold", ["moulds"] = "molds", ["moulding"] = "molding", ["mouldings"] = "moldings", ["moulded"] = "molded",
        ["colour"] = "color", ["colours"] = "colors", ["aluminium"] = "aluminum", ["fibre"] = "fiber", ["fibres"] = "fibers",
        ["centre"] = "center", ["centres"] = "centers", ["metre"] = "meter", ["metres"] = "meters", ["litre"] = "liter", ["litres"] = "liters",
        ["tyre"] = "tire", ["tyres"] = "tires", ["grey"] = "gray", ["programme"] = "program", ["programmes"] = "programs",
        ["analyse"] = "analyze", ["analysed"] = "analyzed", ["optimise"] = "optimize", ["optimisation"] = "optimization",
        ["calibre"] = "caliber", ["sulphur"] = "sulfur", ["vapour"] = "vapor", ["labelled"] = "labeled", ["labelling"] = "labeling",
        ["modelling"] = "modeling", ["modelled"] = "modeled", ["travelling"] = "traveling", ["defence"] = "defense",
        ["behaviour"] = "behavior", ["standardised"] = "standardized", ["utilisation"] = "utilization", ["serialisation"] = "serialization",
        // Manufacturing shorthand.
        ["temp"] = "temperature", ["temps"] = "temperatures", ["maint"] = "maintenance", ["qty"] = "quantity", ["mfg"] = "manufacturing",
        ["vib"] = "vibration", ["spec"] = "specification", ["specs"] = "specifications", ["insp"] = "inspection",
    };

    public static string Of(string word) => Canonical.TryGetValue(word, out var canonical) ? canonical : word;
}
