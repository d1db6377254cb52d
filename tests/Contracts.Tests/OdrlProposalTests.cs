using System.Text.Json;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.Contracts.Apis;

namespace Marketplace.Contracts.Tests;

/// <summary>Reading a connector's ODRL offer back into terms: what the profile writes reads back; anything else is a 400, never a crash.</summary>
[Trait("Speed", "Fast")]
public sealed class OdrlProposalTests
{
    private const string Root = "https://marketplace.example";

    [Fact]
    public void The_terms_the_profile_writes_read_back_as_changes_and_the_price()
    {
        var offer = Json($$"""
            {
              "permission": [
                { "action": "odrl:use",
                  "constraint": [
                    { "leftOperand": "purpose", "operator": "isAnyOf", "rightOperand": [ { "@id": "{{Root}}/api/catalog/taxonomy#purpose-ai-training" } ] },
                    { "odrl:leftOperand": "odrl:spatial", "odrl:operator": "odrl:isAnyOf", "odrl:rightOperand": { "@id": "http://publications.europa.eu/resource/authority/country/DEU" } },
                    { "leftOperand": "elapsedTime", "operator": "eq", "rightOperand": { "@value": "P12M", "@type": "xsd:duration" } },
                    { "leftOperand": "{{Root}}/api/contracts/terms-vocabulary#exclusive", "operator": "eq", "rightOperand": { "@value": "true" } }
                  ],
                  "duty": [ { "action": "compensate", "constraint": [ { "leftOperand": "payAmount", "operator": "eq", "rightOperand": 1500000 } ] } ] },
                { "action": "derive" }
              ],
              "prohibition": [ { "action": "distribute" } ],
              "obligation": [ { "action": "delete", "constraint": [ { "leftOperand": "elapsedTime", "operator": "lteq", "rightOperand": "P7D" } ] } ]
            }
            """);

        var proposal = OdrlProposal.Read(offer, Root);

        Assert.Equal(1_500_000m, proposal.Price);
        Assert.Equal(["ai-training"], proposal.Changes.Purposes!);
        Assert.Equal(["DE"], proposal.Changes.Territory!);
        Assert.Equal((12, true, true, "never", 7), (proposal.Changes.DurationMonths, proposal.Changes.Exclusive, proposal.Changes.DerivativeWorks,
            proposal.Changes.Redistribution, proposal.Changes.DeletionDays));
        Assert.True(OdrlProposal.Read(Json("""{ "@id": "x" }"""), Root).IsEmpty);
    }

    [Theory]
    [InlineData("""{ "permission": "use" }""")]
    [InlineData("""{ "permission": [ { "action": { "@id": 5 } } ] }""")]
    [InlineData("""{ "permission": [ { "action": "use", "constraint": [ { "leftOperand": "purpose" } ] } ] }""")]
    [InlineData("""{ "permission": [ { "action": "use", "constraint": [ { "leftOperand": "purpose", "operator": "isAnyOf", "rightOperand": [ "https://elsewhere.example/x" ] } ] } ] }""")]
    [InlineData("""{ "permission": [ { "action": "use", "constraint": [ { "leftOperand": "spatial", "operator": "isAnyOf", "rightOperand": { "@id": "urn:nowhere" } } ] } ] }""")]
    [InlineData("""{ "permission": [ { "action": "use", "constraint": [ { "leftOperand": "elapsedTime", "operator": "eq", "rightOperand": "P99999M" } ] } ] }""")]
    [InlineData("""{ "permission": [ { "action": "use", "duty": [ { "action": "compensate", "constraint": [ { "leftOperand": "payAmount", "operator": "eq", "rightOperand": [] } ] } ] } ] }""")]
    [InlineData("""{ "permission": [ { "action": "use", "duty": [ { "action": "inform" } ] } ] }""")]
    [InlineData("""{ "permission": [ { "action": "distribute", "constraint": [ { "leftOperand": "product", "operator": "eq", "rightOperand": "anything" } ] } ] }""")]
    [InlineData("""{ "obligation": [ { "action": "delete", "constraint": { "leftOperand": "elapsedTime", "operator": "lteq", "rightOperand": null } } ] }""")]
    [InlineData("""{ "prohibition": [ { "action": "use" } ] }""")]
    public void Anything_outside_the_profile_is_a_validation_error_on_the_offer(string offer)
    {
        var refused = Assert.Throws<ValidationException>(() => OdrlProposal.Read(Json(offer), Root));
        Assert.StartsWith("offer.", Assert.Single(refused.Errors["offer"]), StringComparison.Ordinal);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
