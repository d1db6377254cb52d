using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Marketplace.TestSupport;

public static class FreePort
{
    private static readonly ConcurrentDictionary<int, bool> Issued = new();

    /// <summary>
    /// A port the system says is free now (from its ephemeral range), and never one this process was given before: a
    /// port is chosen here and bound later by a host process, so the system could hand the same free port to the next
    /// caller in between (the likely cause of a cluster whose gateway port answered 404 for every module path).
    /// </summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (Issued.TryAdd(port, true))
            {
                return port;
            }
        }
    }

    /// <summary>
    /// A RabbitMQ AMQP port whose Erlang distribution port (this + 20000) is free too. Both stay below the
    /// system's ephemeral range (32768 and up), where an outgoing connection could take them at any moment.
    /// </summary>
    public static int NextForRabbitMq()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(10000, 12700);
            if (IsFree(port) && IsFree(port + 20000))
            {
                return port;
            }
        }

        throw new InvalidOperationException("No free pair of RabbitMQ ports between 10000 and 32700.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
