using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// An organisation registers its Dataspace Protocol connector as an API client with a participant id and the addresses
/// the marketplace may call back; the client's tokens carry both, and nothing else can register them.
/// </summary>
[Collection(SharedMarketplace.Name)]
public sealed class ConnectorClientTests(AllInOneMarketplace fixture)
{
    [Fact]
    public async Task A_connector_client_gets_tokens_naming_its_participant_id_and_callback_addresses()
    {
        using var anonymous = fixture.Host.CreateClient();
        var registered = await Organisations.RegisterAsync(anonymous, "buyer", verifyingAdmin: null);
        using var admin = await Tokens.SignedInAsync(fixture.BaseAddress, registered.ClientId, registered.ClientSecret);
        var clients = $"/api/identity/organisations/{registered.OrganisationId}/clients";
        var participant = $"did:web:connector-{Guid.NewGuid():N}.example";

        var created = await NegotiationClient.ExpectAsync(await admin.PostAsJsonAsync(clients, new
        {
            name = "EDC connector",
            connector = new { participantId = $" {participant} ", callbackAddresses = new[] { "https://edc.example/protocol/", "http://127.0.0.1:8282/dsp" } },
        }), HttpStatusCode.Created);
        Assert.Equal(participant, created.GetProperty("connector").GetProperty("participantId").GetString());
        Assert.Equal(["https://edc.example/protocol", "http://127.0.0.1:8282/dsp"],
            created.GetProperty("connector").GetProperty("callbackAddresses").EnumerateArray().Select(a => a.GetString()!));

        // Its token says which connector calls, and where it may be called back; a plain client's says nothing of it.
        var token = new JsonWebToken(await Tokens.RequestAsync(anonymous, created.GetProperty("clientId").GetString()!, created.GetProperty("clientSecret").GetString()!));
        Assert.Equal(participant, token.GetClaim("dsp_participant").Value);
        Assert.Equal(["https://edc.example/protocol", "http://127.0.0.1:8282/dsp"], token.Claims.Where(c => c.Type == "dsp_callback").Select(c => c.Value));
        var plain = new JsonWebToken(await Tokens.RequestAsync(anonymous, registered.ClientId, registered.ClientSecret));
        Assert.False(plain.TryGetClaim("dsp_participant", out _));

        // Read again without the secret, with the connector.
        var read = await admin.GetFromJsonAsync<JsonElement>($"{clients}/{created.GetProperty("clientId").GetString()}");
        Assert.Equal(participant, read.GetProperty("connector").GetProperty("participantId").GetString());

        // One participant id, one active connector: another registration is a conflict naming the member, until the first is revoked.
        var taken = await NegotiationClient.ExpectAsync(await admin.PostAsJsonAsync(clients, new
        {
            connector = new { participantId = participant, callbackAddresses = new[] { "https://other.example" } },
        }), HttpStatusCode.Conflict);
        Assert.True(taken.GetProperty("errors").TryGetProperty("connector.participantId", out _), taken.ToString());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{clients}/{created.GetProperty("clientId").GetString()}")).StatusCode);
        await NegotiationClient.ExpectAsync(await admin.PostAsJsonAsync(clients, new
        {
            connector = new { participantId = participant, callbackAddresses = new[] { "https://other.example" } },
        }), HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("", "https://edc.example", "connector.participantId")]
    [InlineData("did:web:has space", "https://edc.example", "connector.participantId")]
    [InlineData("did:web:ok.example", "http://edc.example/dsp", "connector.callbackAddresses")]
    [InlineData("did:web:ok.example", "https://edc.example/dsp?x=1", "connector.callbackAddresses")]
    [InlineData("did:web:ok.example", "not a url", "connector.callbackAddresses")]
    public async Task A_connector_without_a_participant_id_or_with_a_callback_address_the_marketplace_may_not_call_is_refused(
        string participantId, string callback, string member)
    {
        using var anonymous = fixture.Host.CreateClient();
        var registered = await Organisations.RegisterAsync(anonymous, "buyer", verifyingAdmin: null);
        using var admin = await Tokens.SignedInAsync(fixture.BaseAddress, registered.ClientId, registered.ClientSecret);
        var refused = await NegotiationClient.ExpectAsync(await admin.PostAsJsonAsync($"/api/identity/organisations/{registered.OrganisationId}/clients", new
        {
            connector = new { participantId, callbackAddresses = new[] { callback } },
        }), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty(member, out _), refused.ToString());
    }
}
