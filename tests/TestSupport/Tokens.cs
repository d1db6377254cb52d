using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.TestSupport;

/// <summary>Real access tokens from the real token endpoint (client credentials).</summary>
public static class Tokens
{
    public static async Task<string> RequestAsync(HttpClient client, string clientId, string clientSecret)
    {
        var response = await RequestRawAsync(client, clientId, clientSecret);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"token request for {clientId} failed: {body}");
        return body.GetProperty("access_token").GetString()!;
    }

    public static Task<HttpResponseMessage> RequestRawAsync(HttpClient client, string clientId, string clientSecret) =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }));

    /// <summary>A client for <paramref name="baseAddress"/> that sends the organisation's token.</summary>
    public static async Task<HttpClient> SignedInAsync(Uri baseAddress, string clientId, string clientSecret)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TestServices.RequestTimeout };
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", await RequestAsync(client, clientId, clientSecret));
        return client;
    }

    /// <summary>The demo organisations all-in-one mode seeds (secrets are "{client id}-secret").</summary>
    public static Task<HttpClient> DemoAsync(Uri baseAddress, string clientId) => SignedInAsync(baseAddress, clientId, $"{clientId}-secret");
}
