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

    /// <summary>
    /// A client for <paramref name="baseAddress"/> that sends the organisation's token and, as a well-behaved API client,
    /// answers a 429 by waiting the Retry-After the marketplace names and trying again (a test issuing hundreds of
    /// requests a second as one client is past its budget on a fast store; the edge's own tests use plain clients).
    /// </summary>
    public static async Task<HttpClient> SignedInAsync(Uri baseAddress, string clientId, string clientSecret)
    {
        var client = new HttpClient(new RetryAfterHandler { InnerHandler = new HttpClientHandler() })
        {
            BaseAddress = baseAddress,
            Timeout = TestServices.RequestTimeout,
        };
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", await RequestAsync(client, clientId, clientSecret));
        return client;
    }

    /// <summary>The demo organisations all-in-one mode seeds (secrets are "{client id}-secret").</summary>
    public static Task<HttpClient> DemoAsync(Uri baseAddress, string clientId) => SignedInAsync(baseAddress, clientId, $"{clientId}-secret");

    /// <summary>Retries a request refused with 429 after the Retry-After it names, up to five times.</summary>
    private sealed class RetryAfterHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                var response = await base.SendAsync(request, cancellationToken);
                if (response.StatusCode != System.Net.HttpStatusCode.TooManyRequests || attempt == 5
                    || response.Headers.RetryAfter?.Delta is not { } wait || wait > TimeSpan.FromSeconds(10))
                {
                    return response;
                }

                response.Dispose();
                await Task.Delay(wait, cancellationToken);
            }
        }
    }
}
