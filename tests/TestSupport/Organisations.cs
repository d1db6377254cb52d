using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.TestSupport;

/// <summary>Registers organisations through the real API and has an administrator verify them.</summary>
public static class Organisations
{
    /// <param name="InvitationUrl">Where the contact person accepts becoming the organisation's first administrator.</param>
    public sealed record Credentials(Guid OrganisationId, string ClientId, string ClientSecret, string ContactEmail, Uri InvitationUrl);

    private static int _sequence = Random.Shared.Next(10_000_000, 90_000_000);

    /// <summary>A fresh valid business registration number (check digit computed as the NTS defines it).</summary>
    public static string NewBusinessRegistrationNumber()
    {
        var body = (Interlocked.Increment(ref _sequence) % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
        int[] weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum() + (body[8] - '0') * 5 / 10;
        return body + (10 - sum % 10) % 10;
    }

    /// <summary>
    /// Suspends the organisation of <paramref name="member"/> and waits until every module refuses its token
    /// (403 problem), then reinstates it and waits until a new token works everywhere again.
    /// </summary>
    public static async Task SuspensionReachesEveryModuleAsync(HttpClient admin, HttpClient anonymous, Credentials organisation)
    {
        using var member = new HttpClient { BaseAddress = anonymous.BaseAddress, Timeout = TestServices.RequestTimeout };
        member.DefaultRequestHeaders.Authorization = new("Bearer", await Tokens.RequestAsync(anonymous, organisation.ClientId, organisation.ClientSecret));
        string[] everyModule =
        [
            "/api/catalog/datasets?limit=1", "/api/contracts/negotiations", "/api/pricing/statistics", $"/api/identity/organisations/{organisation.OrganisationId}",
        ];
        foreach (var path in everyModule)
        {
            Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(path)).StatusCode);
        }

        (await admin.PostAsync($"/api/identity/organisations/{organisation.OrganisationId}/suspend", null)).EnsureSuccessStatusCode();
        foreach (var path in everyModule)
        {
            await Eventually.HoldsAsync(async () =>
            {
                using var refused = await member.GetAsync(path);
                return refused.StatusCode == HttpStatusCode.Forbidden && refused.Content.Headers.ContentType?.MediaType == "application/problem+json";
            }, TimeSpan.FromSeconds(15), $"{path} to refuse the suspended organisation's token");
        }

        Assert.False((await Tokens.RequestRawAsync(anonymous, organisation.ClientId, organisation.ClientSecret)).IsSuccessStatusCode, "no new token while suspended");

        (await admin.PostAsync($"/api/identity/organisations/{organisation.OrganisationId}/reinstate", null)).EnsureSuccessStatusCode();
        member.DefaultRequestHeaders.Authorization = new("Bearer", await Tokens.RequestAsync(anonymous, organisation.ClientId, organisation.ClientSecret));
        foreach (var path in everyModule)
        {
            await Eventually.HoldsAsync(async () => (await member.GetAsync(path)).StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(15), $"{path} to accept the reinstated organisation");
        }
    }

    public static async Task<Credentials> RegisterAsync(HttpClient anonymous, string role, HttpClient? verifyingAdmin)
    {
        var number = NewBusinessRegistrationNumber();
        var response = await anonymous.PostAsJsonAsync("/api/identity/organisations", new
        {
            nameKo = "시험 제조",
            nameEn = "Test Manufacturing",
            businessRegistrationNumber = number,
            contactEmail = $"ops-{number}@example.test",
            isSme = true,
            // One role, or both as "provider,buyer".
            roles = role.Split(','),
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"registration failed: {body}");
        var id = body.GetProperty("organisation").GetProperty("id").GetGuid();
        if (verifyingAdmin is not null)
        {
            (await verifyingAdmin.PostAsync($"/api/identity/organisations/{id}/verify", null)).EnsureSuccessStatusCode();
        }

        var client = body.GetProperty("client");
        return new Credentials(id, client.GetProperty("clientId").GetString()!, client.GetProperty("clientSecret").GetString()!,
            $"ops-{number}@example.test", new Uri(body.GetProperty("invitation").GetProperty("acceptUrl").GetString()!));
    }

    /// <summary>
    /// Registers a Dataspace Protocol connector for <paramref name="organisation"/> (its administrator's client
    /// <paramref name="admin"/>) with one callback address and <paramref name="participantId"/> (a new one when null), and
    /// signs in as it.
    /// </summary>
    public static async Task<HttpClient> ConnectorAsync(HttpClient admin, Guid organisation, string callbackAddress, string? participantId = null)
    {
        var response = await admin.PostAsJsonAsync($"/api/identity/organisations/{organisation}/clients", new
        {
            name = "Test connector",
            connector = new { participantId = participantId ?? $"did:web:connector-{Guid.NewGuid():N}.example", callbackAddresses = new[] { callbackAddress } },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"connector registration failed: {body}");
        return await Tokens.SignedInAsync(admin.BaseAddress!, body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!);
    }
}
