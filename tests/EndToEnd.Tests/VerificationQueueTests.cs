using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.EndToEnd.Tests;

/// <summary>The administrators' verification queue: registered organisations by status, oldest first, a page at a time.</summary>
[Collection(SharedMarketplace.Name)]
public sealed class VerificationQueueTests(AllInOneMarketplace fixture)
{
    [Fact]
    public async Task A_new_registration_waits_in_the_pending_queue_until_verified_and_the_queue_pages()
    {
        using var anonymous = fixture.Host.CreateClient();
        using var admin = await Tokens.DemoAsync(fixture.BaseAddress, "demo-admin");
        var first = await Organisations.RegisterAsync(anonymous, "provider", verifyingAdmin: null);
        var second = await Organisations.RegisterAsync(anonymous, "buyer", verifyingAdmin: null);

        var pending = await AllPagesAsync(admin, "/api/identity/organisations?status=pending&limit=1");
        var ids = pending.Select(o => o.GetProperty("id").GetString()).ToList();
        Assert.Contains(first.OrganisationId.ToString(), ids);
        Assert.True(ids.IndexOf(first.OrganisationId.ToString()) < ids.IndexOf(second.OrganisationId.ToString()), "Oldest registration first.");
        Assert.All(pending, o => Assert.Equal("Pending", o.GetProperty("status").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/identity/organisations/{first.OrganisationId}/verify", null)).StatusCode);
        var after = await AllPagesAsync(admin, "/api/identity/organisations?status=Pending&limit=100");
        Assert.DoesNotContain(first.OrganisationId.ToString(), after.Select(o => o.GetProperty("id").GetString()));
        Assert.Contains(second.OrganisationId.ToString(), after.Select(o => o.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task An_unknown_status_is_a_problem_naming_status_and_a_buyer_may_not_read_the_queue()
    {
        using var admin = await Tokens.DemoAsync(fixture.BaseAddress, "demo-admin");
        var wrong = await admin.GetAsync("/api/identity/organisations?status=waiting");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("status", out _));

        using var buyer = await Tokens.DemoAsync(fixture.BaseAddress, "demo-buyer-a");
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.GetAsync("/api/identity/organisations")).StatusCode);
    }

    private static async Task<List<JsonElement>> AllPagesAsync(HttpClient client, string first)
    {
        var items = new List<JsonElement>();
        for (var url = first; url is not null;)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(url);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            url = page.GetProperty("nextCursor").GetString() is { } next ? $"{first}&cursor={Uri.EscapeDataString(next)}" : null;
        }

        return items;
    }
}
