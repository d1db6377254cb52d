namespace Marketplace.EndToEnd.Tests;

/// <summary>One all-in-one marketplace, as README's first command runs it, shared by a test class.</summary>
public sealed class AllInOneFixture : IAsyncLifetime
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("marketplace-all-").FullName;

    public HostProcess Host { get; private set; } = null!;

    public string WorkingDirectory => _workingDirectory;

    /// <summary>Where the host keeps its development keys (tests sign their own forged tokens with them).</summary>
    public string KeysFolder => Path.Combine(_workingDirectory, "data", "keys");

    public async Task InitializeAsync()
    {
        // No configuration at all: the defaults of --target all must be enough.
        Host = HostProcess.Start("all", new Dictionary<string, string>(), _workingDirectory);
        await Host.WaitUntilHealthyAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(_workingDirectory, recursive: true);
    }
}
