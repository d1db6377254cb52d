using System.Diagnostics;
using System.Reflection;

namespace Marketplace.TestSupport;

/// <summary>
/// The real PostgreSQL and RabbitMQ that <c>scripts/test.sh</c> started for this run. Tests that need
/// them fail (never skip) when they are missing, so a green run always means they ran.
/// </summary>
public static class TestServices
{
    /// <summary>
    /// How long a test's HTTP request may take before it counts as hung: generous, because a 2-core machine running
    /// the whole suite (and racing tests that queue 50 writes on SQLite) is slow, and slowness is not what they test.
    /// </summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A deadline stretched by <c>MARKETPLACE_TEST_SLOWDOWN</c> (a factor, default 1) for slow or shared machines:
    /// every wait in the suite is a probe with a deadline, and this is the one knob for all of them.
    /// </summary>
    public static TimeSpan Scaled(TimeSpan deadline) =>
        double.TryParse(Environment.GetEnvironmentVariable("MARKETPLACE_TEST_SLOWDOWN"), System.Globalization.CultureInfo.InvariantCulture, out var factor) && factor >= 1
            ? deadline * factor
            : deadline;

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string HostDll => Metadata("HostDll");

    public static string ServicesScript => Path.Combine(RepositoryRoot, "scripts", "services.sh");

    /// <summary>Server part of the connection string (host, port, user); tests add their own database.</summary>
    public static string Postgres => Required("MARKETPLACE_TEST_POSTGRES");

    public static string RabbitMq => Required("MARKETPLACE_TEST_RABBITMQ");

    /// <summary>A unique database name, so test runs and test classes never share data.</summary>
    public static string NewDatabaseName(string purpose) => $"t_{purpose}_{Guid.NewGuid():N}".ToLowerInvariant();

    /// <summary>A fresh RabbitMQ virtual host on the shared broker: its queues and messages belong to one test only.</summary>
    public static async Task<string> NewRabbitMqVirtualHostAsync()
    {
        var vhost = $"t-{Guid.NewGuid():N}";
        await RunServicesScriptAsync(new Dictionary<string, string>(), "add-vhost", vhost);
        return new UriBuilder(RabbitMq) { Path = "/" + vhost }.Uri.ToString();
    }

    /// <summary>The queues of a virtual host of the test RabbitMQ: their types (<c>classic</c>, <c>quorum</c>) and messages waiting.</summary>
    public static async Task<IReadOnlyDictionary<string, QueueState>> RabbitMqQueuesAsync(string virtualHost)
    {
        var lines = await RunServicesScriptAsync(new Dictionary<string, string>(), "list-queues", virtualHost);
        return lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t'))
            .ToDictionary(f => f[0], f => new QueueState(f[1], int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Runs scripts/services.sh; its standard output.</summary>
    public static async Task<string> RunServicesScriptAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(ServicesScript);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"services.sh {string.Join(' ', args)} exited with {process.ExitCode}: {await stderr}{await stdout}");
        }

        return await stdout;
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set. Run the tests with scripts/test.sh, which starts PostgreSQL and RabbitMQ.");

    private static string Metadata(string key) =>
        typeof(TestServices).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

public sealed record QueueState(string Type, int Messages);
