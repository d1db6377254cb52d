using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Marketplace.TestSupport;

/// <summary>
/// A connector's callback endpoint in the test process (a small HTTP server on a free loopback port): it records every
/// message the marketplace posts to it, and answers 200 — or 503 while <see cref="Down"/>, as a connector that is away.
/// </summary>
public sealed class CallbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly Task _serving;
    private int _refused;

    public CallbackServer()
    {
        var port = FreePort.Next();
        BaseAddress = $"http://127.0.0.1:{port}/dsp";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>What the marketplace sent: the path under the base address, the JSON body, its Authorization header.</summary>
    public sealed record Received(string Path, string Body, string? Authorization);

    /// <summary>The address to register as the connector's callback base.</summary>
    public string BaseAddress { get; }

    /// <summary>While true, every post is refused with 503 (and not recorded as received).</summary>
    public bool Down { get; set; }

    /// <summary>How many posts were refused while down.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public IReadOnlyList<Received> All => [.. _received];

    /// <summary>The first message posted to <paramref name="path"/> (under the base address), waiting for it up to the deadline.</summary>
    public Task<Received> MessageAsync(string path, TimeSpan timeout) =>
        Eventually.GetAsync(() => Task.FromResult(_received.FirstOrDefault(r => r.Path == path)), timeout, $"a callback at {path}");

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            if (Down)
            {
                Interlocked.Increment(ref _refused);
                context.Response.StatusCode = (int)HttpStatusCode.ServiceUnavailable;
            }
            else
            {
                var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
                _received.Enqueue(new Received(path.StartsWith("/dsp", StringComparison.Ordinal) ? path[4..] : path, body, context.Request.Headers["Authorization"]));
                context.Response.StatusCode = (int)HttpStatusCode.OK;
            }

            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
