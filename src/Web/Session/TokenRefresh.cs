using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Marketplace.BuildingBlocks.Security;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Session;

/// <summary>One refresh-token exchange at the token endpoint the discovery document names.</summary>
public static class TokenRefresh
{
    public sealed record Tokens(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt);

    /// <summary>New tokens, or null when the token server refused (the person was disabled, the token revoked).</summary>
    public static async Task<Tokens?> RunAsync(HttpContext http, string refreshToken)
    {
        var oidc = http.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(ConsoleSession.OidcScheme);
        var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
        using var response = await oidc.Backchannel.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = IdentityOptions.WebClientId,
        }), http.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var answer = await response.Content.ReadFromJsonAsync<Answer>(http.RequestAborted);
        return answer?.AccessToken is { } access
            ? new Tokens(access, answer.RefreshToken, DateTimeOffset.UtcNow.AddSeconds(answer.ExpiresIn))
            : null;
    }

    private sealed record Answer(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
