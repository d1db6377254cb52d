using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.BuildingBlocks.Hosting;

namespace Marketplace.EndToEnd.Tests.Fuzzing;

/// <summary>Valid request bodies, and the demo caller each operation is for: where the fuzzer starts and what the document checks send.</summary>
public static class ExampleRequests
{
    /// <summary>A token of the role the operation is for, so requests get past authorisation into validation.</summary>
    public static string CallerFor(string method, string path)
    {
        if (path.Contains("/baselines") || path.Contains("/vouchers") || path.EndsWith("/verify", StringComparison.Ordinal) && path.Contains("/identity/")
            || path.EndsWith("/reject", StringComparison.Ordinal) || path.EndsWith("/suspend", StringComparison.Ordinal) || path.EndsWith("/reinstate", StringComparison.Ordinal))
        {
            return "demo-admin";
        }

        if (path.StartsWith("/api/catalog/datasets", StringComparison.Ordinal) && method != "GET" || path.EndsWith("/mine", StringComparison.Ordinal)
            || path.EndsWith("/offer", StringComparison.Ordinal) || path.EndsWith("/agree", StringComparison.Ordinal)
            || path.StartsWith("/api/contracts/datasets", StringComparison.Ordinal) && method != "GET" || path.EndsWith("/withdraw", StringComparison.Ordinal))
        {
            return "demo-provider-x";
        }

        return "demo-buyer-a";
    }

    /// <summary>Valid bodies of the operations whose validation matters most: the fuzzer breaks them in a few places.</summary>
    public static Dictionary<string, JsonNode> Bodies(Guid dataset)
    {
        var terms = new
        {
            purposes = new[] { "research" }, scope = "Process improvement", startDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            durationMonths = 12, territory = new[] { "KR" }, redistribution = "never", securityMeasures = new[] { "encryption-at-rest" },
            deletionDays = 30, liabilityCapKrw = 10_000_000, exclusive = false, disputeResolution = "seoul-central-district-court",
        };
        var examples = new Dictionary<string, object>
        {
            ["POST /api/catalog/datasets"] = DatasetClient.CompleteDocument(),
            ["PUT /api/catalog/datasets/{id}"] = DatasetClient.CompleteDocument(),
            ["PATCH /api/catalog/datasets/{id}"] = new { titleEn = "Patched", keywords = new[] { "a", "b" }, classification = new { dataTypes = new[] { "sensor-time-series" } } },
            ["POST /api/catalog/datasets/{id}/suspend"] = new { reason = "Fuzzing" },
            ["POST /api/contracts/datasets/{id}/standard-offers"] = new { priceKrw = 10_000_000, terms, autoAgree = true },
            ["POST /api/contracts/standard-offers/{id}/request"] = new { startDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            ["POST /api/contracts/negotiations"] = new { datasetId = dataset, priceKrw = 10_000_000, terms },
            ["POST /api/contracts/negotiations/{id}/offer"] = new { priceKrw = 10_000_000, terms },
            ["POST /api/contracts/negotiations/{id}/counter"] = new { priceKrw = 10_000_000, terms },
            ["POST /api/contracts/negotiations/{id}/agree"] = new { agreementHash = new string('0', 64) },
            ["POST /api/contracts/negotiations/{id}/terminate"] = new { reason = "no-longer-needed" },
            ["POST /api/pricing/baselines"] = NegotiationClient.DefaultBaseline(),
            ["PUT /api/pricing/baselines/{id}"] = NegotiationClient.DefaultBaseline(),
            ["POST /api/pricing/quotes"] = new { datasetId = dataset, purpose = "research", durationMonths = 12, exclusive = false },
            ["POST /api/pricing/vouchers"] = new
            {
                name = "Fuzz", forSmes = true, organisations = new[] { DemoOrganisations.BuyerA }, subsidyPercent = 50, capPerAgreementKrw = 1_000_000,
                budgetKrw = 10_000_000, validFrom = DateTime.UtcNow, validTo = DateTime.UtcNow.AddDays(30),
            },
            ["POST /api/identity/organisations"] = new
            {
                nameKo = "퍼즈", nameEn = "Fuzz", businessRegistrationNumber = Organisations.NewBusinessRegistrationNumber(), contactEmail = "fuzz@example.test",
                isSme = true, roles = new[] { "buyer" },
            },
            ["POST /api/identity/organisations/{id}/invitations"] = new { email = "fuzz@example.test", organisationAdmin = false },
            ["POST /api/identity/organisations/{id}/clients"] = new { name = "fuzz", organisationAdmin = false },
        };
        return examples.ToDictionary(e => e.Key, e => JsonSerializer.SerializeToNode(e.Value, JsonSerializerOptions.Web)!);
    }
}
