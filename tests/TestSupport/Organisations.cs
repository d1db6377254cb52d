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
        var body = (Interlocked.Increment(ref _sequence) % 1_000_000_000).ToString("D9");
        int[] weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum() + (body[8] - '0') * 5 / 10;
        return body + (10 - sum % 10) % 10;
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
            roles = new[] { role },
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
}
