using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Vocabulary;
using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Negotiations;

namespace Marketplace.Contracts.Apis;

/// <summary>
/// What a connector's ODRL offer proposes, read back from the marketplace's ODRL profile as <see cref="OdrlPolicy"/>
/// writes it: the price (the duty to compensate, <c>payAmount</c>) and the terms its rules and constraints name —
/// purposes, territory, duration, exclusivity, liability cap, dispute resolution, derivative works, redistribution,
/// deletion — as changes to the terms on the table (a term it does not name keeps its value). Names may be compacted
/// (<c>purpose</c>), prefixed (<c>odrl:purpose</c>) or whole IRIs; values plain, typed (<c>@value</c>) or IRIs
/// (<c>@id</c>). A rule or constraint outside the profile is a 400 naming it, never ignored: the connector would believe
/// it agreed to something the marketplace did not record.
/// </summary>
public sealed partial record OdrlProposal(ContractTermsRequest Changes, decimal? Price)
{
    /// <summary>Whether the offer proposes anything at all (a price or a term).</summary>
    public bool IsEmpty => Price is null && Changes == new ContractTermsRequest();

    public static OdrlProposal Read(JsonElement offer, string root)
    {
        var reader = new Reader(root);
        foreach (var (kind, rule, at) in Rules(offer))
        {
            reader.Rule(kind, rule, at);
        }

        reader.ThrowIfInvalid();
        return new OdrlProposal(reader.Changes, reader.Price);
    }

    /// <summary>Every rule of the offer: its kind (permission, prohibition, obligation), itself, and where it is.</summary>
    private static IEnumerable<(string Kind, JsonElement Rule, string At)> Rules(JsonElement offer)
    {
        foreach (var kind in new[] { "permission", "prohibition", "obligation" })
        {
            var i = 0;
            foreach (var rule in Items(Member(offer, kind)))
            {
                yield return (kind, rule, $"offer.{kind}[{i++}]");
            }
        }
    }

    /// <summary>A member by its compacted or <c>odrl:</c> name.</summary>
    private static JsonElement Member(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && (node.TryGetProperty(name, out var value) || node.TryGetProperty($"odrl:{name}", out value)
            || node.TryGetProperty($"{OdrlPolicy.Odrl}{name}", out value))
            ? value
            : default;

    /// <summary>A member that may be one value or an array of them, as a sequence.</summary>
    private static IEnumerable<JsonElement> Items(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray(),
        JsonValueKind.Undefined or JsonValueKind.Null => [],
        _ => [value],
    };

    /// <summary>A term's text: a string, an <c>@id</c> or an <c>@value</c>; ODRL's own terms without their prefix or namespace.</summary>
    private static string? Text(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            JsonValueKind.Object when value.TryGetProperty("@id", out var id) => id.ValueKind == JsonValueKind.String ? id.GetString() : null,
            JsonValueKind.Object when value.TryGetProperty("@value", out var literal) => Text(literal),
            _ => null,
        };
        return text is null ? null : text.StartsWith("odrl:", StringComparison.Ordinal) ? text[5..] : text.StartsWith(OdrlPolicy.Odrl, StringComparison.Ordinal) ? text[OdrlPolicy.Odrl.Length..] : text;
    }

    [GeneratedRegex(@"^P(\d{1,3})M$")]
    private static partial Regex Months();

    [GeneratedRegex(@"^P(\d{1,3})D$")]
    private static partial Regex Days();

    private sealed class Reader(string root)
    {
        private readonly string _terms = OdrlPolicy.TermsIri(root);
        private readonly string _purpose = MarketplaceIris.Purpose(root, "");
        private readonly List<string> _errors = [];

        public ContractTermsRequest Changes { get; private set; } = new();

        public decimal? Price { get; private set; }

        public void Rule(string kind, JsonElement rule, string at)
        {
            var action = Text(Member(rule, "action"));
            switch (kind, action)
            {
                case ("permission", "use"):
                    Constraints(rule, at, Use);
                    var d = 0;
                    foreach (var duty in Items(Member(rule, "duty")))
                    {
                        var dutyAt = $"{at}.duty[{d++}]";
                        if (Text(Member(duty, "action")) == "compensate")
                        {
                            Constraints(duty, dutyAt, Compensate);
                        }
                        else
                        {
                            _errors.Add($"{dutyAt}: the marketplace's profile knows one duty of use, to compensate (payAmount in KRW).");
                        }
                    }

                    break;
                case ("permission" or "prohibition", "derive"):
                    Changes = Changes with { DerivativeWorks = kind == "permission" };
                    break;
                case ("prohibition", "distribute"):
                    Changes = Changes with { Redistribution = "never" };
                    break;
                case ("permission", "distribute"):
                    Changes = Changes with { Redistribution = "derived-products-only" };
                    Constraints(rule, at, (left, _, right, where) =>
                    {
                        if (left != "product" || Text(right) != $"{_terms}redistribution-derived-products-only")
                        {
                            _errors.Add($"{where}: distribution is permitted only as derived products (product {_terms}redistribution-derived-products-only).");
                        }
                    });
                    break;
                case ("obligation", "delete"):
                    Constraints(rule, at, (left, _, right, where) =>
                    {
                        if (left == "elapsedTime" && Text(right) is { } text && Days().Match(text) is { Success: true } days)
                        {
                            Changes = Changes with { DeletionDays = int.Parse(days.Groups[1].Value, CultureInfo.InvariantCulture) };
                        }
                        else
                        {
                            _errors.Add($"{where}: deletion is an elapsedTime in days after the agreement ends (P30D).");
                        }
                    });
                    break;
                default:
                    _errors.Add($"{at}: {kind} of action '{action}' is not in the marketplace's ODRL profile "
                        + "(permission use, derive, distribute; prohibition derive, distribute; obligation delete).");
                    break;
            }
        }

        public void ThrowIfInvalid()
        {
            if (_errors.Count > 0)
            {
                throw new ValidationException(new Dictionary<string, string[]> { ["offer"] = [.. _errors] });
            }
        }

        private static void Constraints(JsonElement rule, string at, Action<string?, string?, JsonElement, string> read)
        {
            var i = 0;
            foreach (var constraint in Items(Member(rule, "constraint")))
            {
                read(Text(Member(constraint, "leftOperand")), Text(Member(constraint, "operator")), Member(constraint, "rightOperand"), $"{at}.constraint[{i++}]");
            }
        }

        private void Use(string? left, string? op, JsonElement right, string at)
        {
            var value = Text(right);
            switch (left)
            {
                case "purpose" when op is "isAnyOf" or "eq":
                    var purposes = Items(right).Select(Text).ToList();
                    if (purposes.All(p => p?.StartsWith(_purpose, StringComparison.Ordinal) == true))
                    {
                        Changes = Changes with { Purposes = [.. purposes.Select(p => p![_purpose.Length..])] };
                        return;
                    }

                    break;
                case "spatial" when op is "isAnyOf" or "eq":
                    var countries = Items(right).Select(c => MarketplaceIris.CountryCode(Text(c))).ToList();
                    if (countries.All(c => c is not null))
                    {
                        Changes = Changes with { Territory = [.. countries!] };
                        return;
                    }

                    break;
                case "elapsedTime" when op == "eq" && value is not null && Months().Match(value) is { Success: true } months:
                    Changes = Changes with { DurationMonths = int.Parse(months.Groups[1].Value, CultureInfo.InvariantCulture) };
                    return;
                case var l when l == $"{_terms}exclusive" && op == "eq" && bool.TryParse(value, out var exclusive):
                    Changes = Changes with { Exclusive = exclusive };
                    return;
                case var l when l == $"{_terms}liabilityCapKrw" && op == "eq" && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var cap):
                    Changes = Changes with { LiabilityCapKrw = cap };
                    return;
                case var l when l == $"{_terms}disputeResolution" && op == "eq" && value?.StartsWith($"{_terms}disputeResolution-", StringComparison.Ordinal) == true:
                    Changes = Changes with { DisputeResolution = value[$"{_terms}disputeResolution-".Length..] };
                    return;
            }

            _errors.Add($"{at}: '{left} {op} {value ?? (right.ValueKind == JsonValueKind.Undefined ? "" : right.GetRawText())}' is not a constraint of the marketplace's ODRL profile "
                + $"(purpose isAnyOf the catalog's purposes, spatial isAnyOf countries, elapsedTime eq P<n>M, {_terms}exclusive, liabilityCapKrw, disputeResolution).");
        }

        private void Compensate(string? left, string? op, JsonElement right, string at)
        {
            if (left == "payAmount" && op == "eq" && decimal.TryParse(Text(right), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
            {
                Price = amount;
                return;
            }

            _errors.Add($"{at}: the price is payAmount eq <whole won> (unit KRW).");
        }
    }
}
