using System.Net;
using System.Net.Sockets;

namespace Marketplace.TestSupport;

public static class FreePort
{
    /// <summary>A port the system says is free now (from its ephemeral range).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
