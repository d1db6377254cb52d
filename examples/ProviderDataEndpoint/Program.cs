// A provider's data endpoint that honours marketplace access grants, verified offline.
//
//   dotnet run --project examples/ProviderDataEndpoint -- <marketplace url> <provider organisation id> <client id> <client secret>
//
// At start it fetches the platform's JWKS once (GET {marketplace}/api/contracts/jwks, anonymous) and saves
// it to jwks.json; from then on every grant is checked against that file alone. With the provider's API
// client it polls the revocation list every minute: without it a terminated agreement's grant would still
// be honoured, so it refuses to start without one. A buyer calls
//   GET http://localhost:5080/datasets/{datasetId}/data   with   Authorization: Bearer <grant>
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ProviderDataEndpoint;

if (args.Length < 4)
{
    Console.Error.WriteLine("usage: <marketplace url> <provider organisation id> <client id> <client secret>");
    Console.Error.WriteLine("The provider's API client is needed to poll revoked grants; without it a terminated agreement's grant would be honoured.");
    return 2;
}

var marketplace = new Uri(args[0]);
var organisation = Guid.Parse(args[1]);
using var http = new HttpClient { BaseAddress = marketplace };

const string jwksFile = "jwks.json";
if (!File.Exists(jwksFile))
{
    await File.WriteAllTextAsync(jwksFile, await http.GetStringAsync("/api/contracts/jwks"));
}

var verifier = new GrantVerifier(await File.ReadAllTextAsync(jwksFile), organisation);
_ = PollRevocationsAsync(args[2], args[3]);

var builder = WebApplication.CreateBuilder();
builder.WebHost.UseUrls("http://localhost:5080");
var app = builder.Build();
app.MapGet("/datasets/{datasetId:guid}/data", async (Guid datasetId, HttpRequest request) =>
{
    var header = request.Headers.Authorization.ToString();
    var grant = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..] : null;
    var refusal = await verifier.RefuseAsync(grant, datasetId);
    return refusal is null
        ? Results.Ok(new { datasetId, rows = new[] { new { at = "2024-01-01T00:00:00Z", vibrationMmS = 2.4 } } })
        : Results.Problem(refusal, statusCode: StatusCodes.Status401Unauthorized);
});
await app.RunAsync();
return 0;

async Task PollRevocationsAsync(string clientId, string secret)
{
    while (true)
    {
        try
        {
            var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
            }));
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/contracts/revocations");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
                (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
            var list = await (await http.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
            verifier.UpdateRevocations(list.GetProperty("revoked").EnumerateArray().Select(r => r.GetProperty("agreementId").GetString()!));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException)
        {
            // The marketplace is unreachable: keep the last list and try again later.
        }

        await Task.Delay(TimeSpan.FromMinutes(1));
    }
}
