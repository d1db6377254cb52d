using System.Net.Http.Json;
using Npgsql;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// Services started one at a time and on their own network, as in compose or Kubernetes: they need neither a start-up
/// order nor a route to the public address.
/// </summary>
public sealed class ServicesOnTheirOwnTests : IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("marketplace-services-").FullName;

    public void Dispose() => Directory.Delete(_dataFolder, recursive: true);

    /// <summary>
    /// What a service publishes before the service consuming it has ever started waits in that consumer's queue instead of
    /// being dropped by the broker (as the demo baselines once were in compose).
    /// </summary>
    [Fact]
    public async Task Events_published_before_their_consumers_service_ever_started_wait_for_it_and_arrive_once()
    {
        var rabbitMqUri = await TestServices.NewRabbitMqVirtualHostAsync();
        var virtualHost = new Uri(rabbitMqUri).AbsolutePath.TrimStart('/');
        var prefix = TestServices.NewDatabaseName("topology");
        string Database(string module) => new NpgsqlConnectionStringBuilder(TestServices.Postgres) { Database = $"{prefix}_{module}" }.ConnectionString;
        Dictionary<string, string> Settings(string module) => new()
        {
            ["Marketplace:Database:Postgres"] = TestServices.Postgres,
            [$"ConnectionStrings:{module}"] = Database(module),
            ["Marketplace:Bus:RabbitMqUri"] = rabbitMqUri,
            ["Marketplace:Bus:QuorumQueues"] = "true",
            ["Marketplace:Identity:Authority"] = "http://127.0.0.1:9",
            ["Marketplace:DataFolder"] = _dataFolder,
            // Pricing publishes its demo baselines at its first start; Contracts keeps copies of them.
            ["Marketplace:Demo:Seed"] = "true",
        };

        await using (var pricing = HostProcess.Start("pricing", Settings("pricing")))
        {
            await pricing.WaitUntilHealthyAsync();
            var published = (await Eventually.GetAsync<long?>(async () =>
            {
                var count = await Sql.CountAsync(Database("pricing"), "SELECT count(*) FROM outbox_messages WHERE type LIKE '%BaselinePublished' AND sent_at IS NOT NULL");
                var unsent = await Sql.CountAsync(Database("pricing"), "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");
                return count > 0 && unsent == 0 ? count : null;
            }, TimeSpan.FromSeconds(60), "Pricing to publish its demo baselines"))!.Value;

            // Contracts has never run, yet its queue exists (declared by Pricing) and holds every baseline.
            await Eventually.HoldsAsync(async () =>
                (await TestServices.RabbitMqQueuesAsync(virtualHost)).GetValueOrDefault("contracts-keep-baseline-copy") is { Type: "quorum" } queue
                && queue.Messages == published, TimeSpan.FromSeconds(30), "the baselines to wait in Contracts' quorum queue");

            await using var contracts = HostProcess.Start("contracts", Settings("contracts"));
            await contracts.WaitUntilHealthyAsync();
            await Eventually.HoldsAsync(async () => await Sql.CountAsync(Database("contracts"),
                "SELECT count(DISTINCT message_id) FROM inbox_messages WHERE consumer = 'KeepBaselineCopyConsumer'") == published,
                TimeSpan.FromSeconds(60), "Contracts to keep a copy of every baseline");
            Assert.Equal(published, await Sql.CountAsync(Database("contracts"), "SELECT count(*) FROM inbox_messages WHERE consumer = 'KeepBaselineCopyConsumer'"));
        }
    }

    /// <summary>
    /// Replicas of a service, as Kubernetes starts them: at once, on one database. They migrate and seed it once, take
    /// the token keys from Identity's internal address (tokens name the public address, whose discovery document names
    /// the key set there too, and from a container http://localhost:8080 is the container itself), and one told to stop
    /// drains: not ready any more while it still serves, then a clean exit. Identity runs on certificates as in
    /// production, with a successor certificate valid from tomorrow: published already, not signing yet.
    /// </summary>
    [Fact]
    public async Task Replicas_started_together_seed_once_validate_tokens_with_identitys_keys_and_drain_when_stopped()
    {
        var now = DateTimeOffset.UtcNow;
        var current = Certificate("current", now.AddDays(-1), now.AddYears(1), out var currentKey);
        var next = Certificate("next", now.AddDays(1), now.AddYears(2), out var nextKey);
        var encryption = Path.Combine(_dataFolder, "encryption.pfx");
        using (var rsa = System.Security.Cryptography.RSA.Create(2048))
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=encryption", rsa,
                System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
            await File.WriteAllBytesAsync(encryption, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12, "test"));
        }

        var identityPort = FreePort.Next();
        var prefix = TestServices.NewDatabaseName("replicas");
        var rabbitMqUri = await TestServices.NewRabbitMqVirtualHostAsync();
        string Database(string module) => new NpgsqlConnectionStringBuilder(TestServices.Postgres) { Database = $"{prefix}_{module}" }.ConnectionString;
        Dictionary<string, string> Settings(string module) => new()
        {
            ["Marketplace:Database:Postgres"] = TestServices.Postgres,
            [$"ConnectionStrings:{module}"] = Database(module),
            ["Marketplace:Bus:RabbitMqUri"] = rabbitMqUri,
            ["Marketplace:Identity:Authority"] = $"http://127.0.0.1:{identityPort}",
            ["Marketplace:PublicBaseUrl"] = "http://marketplace.invalid:8080",
            ["Marketplace:Identity:BootstrapAdmin:ClientId"] = MicroservicesCluster.AdminClientId,
            ["Marketplace:Identity:BootstrapAdmin:ClientSecret"] = MicroservicesCluster.AdminClientSecret,
            ["Marketplace:DataFolder"] = _dataFolder,
            ["Marketplace:Demo:Seed"] = "true",
            ["Marketplace:DrainDelay"] = "00:00:10",
        };

        var identitySettings = Settings("identity");
        identitySettings["Marketplace:Identity:SigningCertificate:Path"] = current;
        identitySettings["Marketplace:Identity:SigningCertificate:Password"] = "test";
        identitySettings["Marketplace:Identity:NextSigningCertificate:Path"] = next;
        identitySettings["Marketplace:Identity:NextSigningCertificate:Password"] = "test";
        identitySettings["Marketplace:Identity:EncryptionCertificate:Path"] = encryption;
        identitySettings["Marketplace:Identity:EncryptionCertificate:Password"] = "test";
        await using var identity = HostProcess.Start("identity", identitySettings, port: identityPort);
        await using var first = HostProcess.Start("catalog", Settings("catalog"));
        await using var second = HostProcess.Start("catalog", Settings("catalog"));
        await Task.WhenAll(identity.WaitUntilHealthyAsync(), first.WaitUntilHealthyAsync(), second.WaitUntilHealthyAsync());

        // One demo catalog, not two: the replicas took turns, and the second found it seeded.
        var datasets = await Sql.CountAsync(Database("catalog"), "SELECT count(*) FROM datasets");
        Assert.True(datasets > 0, "the demo catalog was seeded");
        Assert.Equal(datasets, await Sql.CountAsync(Database("catalog"), "SELECT count(DISTINCT title_ko) FROM datasets"));
        Assert.Equal(datasets, await Sql.CountAsync(Database("catalog"), "SELECT count(*) FROM outbox_messages WHERE type LIKE '%DatasetPublished'"));

        using var signedIn = await Tokens.SignedInAsync(identity.BaseAddress!, MicroservicesCluster.AdminClientId, MicroservicesCluster.AdminClientSecret);
        // Both certificates are published; the current one signs.
        using var anonymous = identity.CreateClient();
        Assert.Equal(2, (await anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>("/.well-known/jwks")).GetProperty("keys").GetArrayLength());
        var token = signedIn.DefaultRequestHeaders.Authorization!.Parameter!;
        Assert.True(await SignedWithAsync(token, currentKey), "the current certificate signs");
        Assert.False(await SignedWithAsync(token, nextKey), "the successor does not sign before its date");
        using var admin = second.CreateClient();
        admin.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        // An administrator's action on a dataset that does not exist: 404 once the token is accepted, 401 if it were not.
        var answer = await admin.PostAsJsonAsync($"/api/catalog/datasets/{Guid.NewGuid()}/suspend", new { reason = "A test of the keys" });
        Assert.True(answer.StatusCode == System.Net.HttpStatusCode.NotFound,
            $"{(int)answer.StatusCode} {answer.Headers.WwwAuthenticate} {await answer.Content.ReadAsStringAsync()}\n{second.Output}");

        await first.TerminateAsync();
        using var client = first.CreateClient();
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/health/ready")).StatusCode == System.Net.HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(10), "the stopping replica to say it is not ready");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/catalog/datasets")).StatusCode);
        Assert.Equal(0, await first.WaitForExitAsync(TimeSpan.FromSeconds(60)));
    }

    /// <summary>A self-signed RSA signing certificate (as deploy/make-secrets.sh makes) in a PKCS#12 file of the test's folder, password "test".</summary>
    private string Certificate(string name, DateTimeOffset from, DateTimeOffset to, out Microsoft.IdentityModel.Tokens.SecurityKey publicKey)
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest($"CN={name}", key,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new System.Security.Cryptography.X509Certificates.X509KeyUsageExtension(
            System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.DigitalSignature, critical: true));
        using var certificate = request.CreateSelfSigned(from, to);
        var file = Path.Combine(_dataFolder, $"{name}.pfx");
        File.WriteAllBytes(file, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12, "test"));
        publicKey = new Microsoft.IdentityModel.Tokens.RsaSecurityKey(key.ExportParameters(includePrivateParameters: false));
        return file;
    }

    private static async Task<bool> SignedWithAsync(string token, Microsoft.IdentityModel.Tokens.SecurityKey key) =>
        (await new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().ValidateTokenAsync(token, new Microsoft.IdentityModel.Tokens.TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            // The handler would otherwise try every key of the token's kid lookup; only this key counts.
            TryAllIssuerSigningKeys = true,
        })).IsValid;
}
