using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.EndToEnd.Tests;

/// <summary>An organisation administrator's list of its API clients: newest first, revoked ones marked, never a secret.</summary>
[Collection(SharedMarketplace.Name)]
public sealed class ApiClientListTests(AllInOneMarketplace fixture)
{
    [Fact]
    public async Task An_organisation_administrator_lists_its_clients_newest_first_with_revoked_ones_and_no_secret()
    {
        using var anonymous = fixture.Host.CreateClient();
        var registered = await Organisations.RegisterAsync(anonymous, "buyer", verifyingAdmin: null);
        using var admin = await Tokens.SignedInAsync(fixture.BaseAddress, registered.ClientId, registered.ClientSecret);
        var organisation = registered.OrganisationId;
        var second = await (await admin.PostAsJsonAsync($"/api/identity/organisations/{organisation}/clients", new { name = "second" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var secondId = second.GetProperty("clientId").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/identity/organisations/{organisation}/clients/{secondId}")).StatusCode);

        var firstPage = await admin.GetFromJsonAsync<JsonElement>($"/api/identity/organisations/{organisation}/clients?limit=1");
        var newest = firstPage.GetProperty("items")[0];
        Assert.Equal(secondId, newest.GetProperty("clientId").GetString());
        Assert.NotEqual(JsonValueKind.Null, newest.GetProperty("revokedAt").ValueKind);
        Assert.False(newest.TryGetProperty("clientSecret", out _));
        var next = firstPage.GetProperty("nextCursor").GetString();
        var secondPage = await admin.GetFromJsonAsync<JsonElement>($"/api/identity/organisations/{organisation}/clients?limit=1&cursor={Uri.EscapeDataString(next!)}");
        Assert.Equal(registered.ClientId, secondPage.GetProperty("items")[0].GetProperty("clientId").GetString());

        using var stranger = await Tokens.DemoAsync(fixture.BaseAddress, "demo-buyer-a");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/identity/organisations/{organisation}/clients")).StatusCode);
    }
}
