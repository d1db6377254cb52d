using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.BuildingBlocks.Persistence;
using Marketplace.BuildingBlocks.ServiceDefaults;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.BuildingBlocks.Tests.Harness;

/// <summary>
/// A module wired exactly as the host wires one (provider switch, outbox dispatcher, inbox consumer,
/// bus), around <see cref="TestDb"/>, on SQLite with the in-memory bus or on PostgreSQL with RabbitMQ.
/// </summary>
public sealed class ModuleHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _sqliteFolder;

    private ModuleHost(WebApplication app, string? sqliteFolder)
    {
        _app = app;
        _sqliteFolder = sqliteFolder;
    }

    public IServiceProvider Services => _app.Services;

    public static async Task<ModuleHost> StartAsync(DatabaseProvider provider, TimeSpan pollInterval)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        string? folder = null;
        var settings = new Dictionary<string, string?> { ["Marketplace:Outbox:PollInterval"] = pollInterval.ToString() };
        if (provider == DatabaseProvider.Sqlite)
        {
            folder = Directory.CreateTempSubdirectory("marketplace-bb-").FullName;
            settings["Marketplace:Database:Provider"] = "Sqlite";
            settings["Marketplace:DataFolder"] = folder;
            settings["Marketplace:Bus:Transport"] = "InMemory";
        }
        else
        {
            settings["Marketplace:Database:Provider"] = "Postgres";
            settings["ConnectionStrings:test"] = new Npgsql.NpgsqlConnectionStringBuilder(TestServices.Postgres)
            {
                Database = TestServices.NewDatabaseName("bb"),
            }.ConnectionString;
            settings["Marketplace:Bus:Transport"] = "RabbitMq";
            settings["Marketplace:Bus:RabbitMqUri"] = await TestServices.NewRabbitMqVirtualHostAsync();
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults(new HostingTarget("test"));
        builder.AddModuleDbContext<TestDb>("test");
        builder.AddMessageBus(AddConsumers, addEveryConsumer: AddConsumers);
        var app = builder.Build();

        if (provider == DatabaseProvider.Postgres)
        {
            // TestDb has no migrations; create its tables before the initializer runs MigrateAsync (a no-op then).
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TestDb>().Database.EnsureCreatedAsync();
        }

        await app.StartAsync();
        await app.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return new ModuleHost(app, folder);
    }

    public async Task<T> WithDbAsync<T>(Func<TestDb, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TestDb>());
    }

    public Task<int> ApplicationsAsync(Guid datasetId) =>
        WithDbAsync(db => db.Applications.CountAsync(a => a.DatasetId == datasetId));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteFolder, recursive: true);
        }
    }

    private static void AddConsumers(IBusRegistrationConfigurator bus) => bus.AddModuleConsumer<RecordApplicationConsumer>("test");
}
