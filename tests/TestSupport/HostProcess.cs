using System.Collections.Concurrent;
using System.Diagnostics;

namespace Marketplace.TestSupport;

/// <summary>
/// The real marketplace executable in its own process, as an operator runs it: the built
/// <c>Marketplace.Host.dll</c> with a target, configured through environment variables.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private int _disposed;

    private HostProcess(Process process, Uri? baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri? BaseAddress { get; }

    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts <c>--target <paramref name="target"/></c> on a free loopback port.</summary>
    public static HostProcess Start(
        string target, IReadOnlyDictionary<string, string> configuration, string? workingDirectory = null, int? port = null)
    {
        port ??= FreePort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        return new HostProcess(Launch(["--target", target, "--urls", baseAddress.ToString().TrimEnd('/')], configuration, workingDirectory), baseAddress);
    }

    /// <summary>Runs the executable with raw arguments and waits for it to exit (for command-line behaviour).</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(params string[] args)
    {
        await using var host = new HostProcess(Launch(args, new Dictionary<string, string>(), null), null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host._process.WaitForExitAsync(timeout.Token);
        return (host._process.ExitCode, host.Output);
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TestServices.RequestTimeout };

    /// <summary>Waits until <paramref name="path"/> answers 200; fails with the process output if it never does.</summary>
    public async Task WaitUntilHealthyAsync(string path = "/health/ready", TimeSpan? timeout = null)
    {
        using var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        var clock = Stopwatch.StartNew();
        var limit = TestServices.Scaled(timeout ?? TimeSpan.FromSeconds(120));
        while (clock.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(path);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{path} was not healthy after {limit.TotalSeconds} s:\n{Output}");
    }

    /// <summary>SIGTERM, as an orchestrator stops a process: it shuts down gracefully (see <see cref="WaitForExitAsync"/>).</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("Could not run kill.");
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits until the process exits; its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(TestServices.Scaled(timeout));
        await _process.WaitForExitAsync(limit.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown, no flush, no last pass of anything; as a crash or an OOM kill ends it.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await KillAsync();
        _process.Dispose();
    }

    private static Process Launch(string[] args, IReadOnlyDictionary<string, string> configuration, string? workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        start.ArgumentList.Add(TestServices.HostDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Configuration keys as environment variables (Marketplace:Bus:Transport -> Marketplace__Bus__Transport).
        foreach (var (key, value) in configuration)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
        }
    }
}
