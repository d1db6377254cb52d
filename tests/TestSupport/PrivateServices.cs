using System.Globalization;
namespace Marketplace.TestSupport;

/// <summary>
/// A PostgreSQL and RabbitMQ pair of a test's own, started by <c>scripts/services.sh</c> on free ports,
/// for tests that stop and restart them (outages must not disturb the other tests).
/// </summary>
public sealed class PrivateServices : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;

    private PrivateServices(int postgresPort, int rabbitMqPort, string folder)
    {
        _environment = new Dictionary<string, string>
        {
            ["MARKETPLACE_PG_PORT"] = postgresPort.ToString(CultureInfo.InvariantCulture),
            ["MARKETPLACE_RABBITMQ_PORT"] = rabbitMqPort.ToString(CultureInfo.InvariantCulture),
            ["MARKETPLACE_SERVICES_DIR"] = folder,
            ["MARKETPLACE_SERVICES_FAST"] = "1",
        };
        Postgres = $"Host=127.0.0.1;Port={postgresPort};Username=postgres";
        RabbitMqUri = $"amqp://guest:guest@127.0.0.1:{rabbitMqPort}/";
        Folder = folder;
    }

    public string Postgres { get; }

    public string RabbitMqUri { get; }

    public string Folder { get; }

    public static async Task<PrivateServices> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"marketplace-private-{Guid.NewGuid():N}");
        var services = new PrivateServices(FreePort.Next(), FreePort.NextForRabbitMq(), folder);
        await services.RunAsync("start");
        return services;
    }

    public Task StopRabbitMqAsync() => RunAsync("stop-rabbitmq");

    public Task StartRabbitMqAsync() => RunAsync("start-rabbitmq");

    public Task StopPostgresAsync() => RunAsync("stop-postgres");

    public Task StartPostgresAsync() => RunAsync("start-postgres");

    public async ValueTask DisposeAsync()
    {
        await RunAsync("stop");
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A server may still be releasing a file; the folder is in the temp directory anyway.
        }
    }

    private Task RunAsync(string command) => TestServices.RunServicesScriptAsync(_environment, command);
}
