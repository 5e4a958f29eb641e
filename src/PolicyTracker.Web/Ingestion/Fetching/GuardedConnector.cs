using System.Net;
using System.Net.Sockets;

namespace PolicyTracker.Web.Ingestion.Fetching;

/// <summary>Resolves a host name; tests substitute one that never touches the network.</summary>
internal delegate Task<IPAddress[]> HostResolver(string host, CancellationToken ct);

/// <summary>
/// The handler's connect step: resolve, keep only permitted addresses, connect to one of them.
/// Checking the addresses actually connected to (not a separate lookup) is what defeats DNS rebinding.
/// </summary>
internal sealed class GuardedConnector(HostAllowList allowList, HostResolver? resolve = null)
{
    readonly HostResolver resolve = resolve ?? ((host, ct) => Dns.GetHostAddressesAsync(host, ct));

    /// <summary>For <see cref="SocketsHttpHandler.ConnectCallback"/>.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = await PermittedAddressesAsync(host, port, ct);
        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw new FetchException(FetchFailure.ConnectionFailed, $"Could not connect to {host}:{port}: {last?.Message}", last);
    }

    /// <summary>The addresses of <paramref name="host"/> that may be connected to; throws when there are none.</summary>
    public async Task<IPAddress[]> PermittedAddressesAsync(string host, int port, CancellationToken ct)
    {
        var addresses = await ResolveAsync(host, ct);
        if (allowList.Allows(host, port)) return addresses;
        var permitted = addresses.Where(AddressClassifier.IsPublic).ToArray();
        if (permitted.Length == 0)
        {
            throw new FetchException(FetchFailure.RefusedAddress,
                $"Refused {host}:{port}: it resolves only to non-public addresses ({string.Join(", ", addresses.Take(4))}) and is not in Fetch:AllowedHosts.");
        }
        return permitted;
    }

    async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        // Literals never go to DNS; brackets come from IPv6 URL hosts.
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal)) return [literal];
        try
        {
            var addresses = await resolve(host, ct);
            return addresses.Length > 0
                ? addresses
                : throw new FetchException(FetchFailure.DnsFailure, $"{host} has no addresses.");
        }
        catch (SocketException e)
        {
            throw new FetchException(FetchFailure.DnsFailure, $"Could not resolve {host}: {e.Message}", e);
        }
    }
}
