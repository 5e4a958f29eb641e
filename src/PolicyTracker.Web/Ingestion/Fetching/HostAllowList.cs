using System.Globalization;
using System.Net;

namespace PolicyTracker.Web.Ingestion.Fetching;

/// <summary>
/// The configured <c>AllowedHosts</c>: names that may be fetched even when they resolve to private addresses.
/// An entry is <c>host</c> (any port) or <c>host:port</c>; IPv6 literals take brackets when a port follows.
/// </summary>
internal sealed class HostAllowList
{
    readonly HashSet<string> anyPort = new(StringComparer.Ordinal);
    readonly HashSet<(string Host, int Port)> onePort = [];

    /// <summary>Parses the entries; throws <see cref="ArgumentException"/> naming one that is not <c>host[:port]</c>.</summary>
    public HostAllowList(IEnumerable<string> entries)
    {
        foreach (var entry in entries)
        {
            if (!TryParse(entry, out var host, out var port))
                throw new ArgumentException($"'{entry}' is not a host or host:port entry.", nameof(entries));
            if (port is int p) onePort.Add((host, p));
            else anyPort.Add(host);
        }
    }

    /// <summary>True when no entries were configured, the default-deny case.</summary>
    public bool IsEmpty => anyPort.Count == 0 && onePort.Count == 0;

    /// <summary>True when <paramref name="host"/> (a name or literal, as in a URL) on <paramref name="port"/> is listed.</summary>
    public bool Allows(string host, int port)
    {
        var normal = Normalize(host);
        return normal is not null && (anyPort.Contains(normal) || onePort.Contains((normal, port)));
    }

    static bool TryParse(string entry, out string host, out int? port)
    {
        host = "";
        port = null;
        var text = entry?.Trim() ?? "";
        string hostPart;
        string? portPart = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0) return false;
            hostPart = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                if (!rest.StartsWith(':')) return false;
                portPart = rest[1..];
            }
        }
        else if (text.Count(c => c == ':') == 1)
        {
            var colon = text.IndexOf(':');
            (hostPart, portPart) = (text[..colon], text[(colon + 1)..]);
        }
        else
        {
            hostPart = text; // a name, or a bare IPv6 literal (several colons, no port)
        }

        if (portPart is not null)
        {
            if (!int.TryParse(portPart, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535) return false;
            port = p;
        }
        if (Normalize(hostPart) is not { } normal || Uri.CheckHostName(normal) == UriHostNameType.Unknown) return false;
        host = normal;
        return true;
    }

    // URLs carry IDN hosts as punycode, sometimes with a trailing dot or IPv6 brackets; entries may not.
    internal static string? Normalize(string host)
    {
        var h = host.Trim().TrimStart('[').TrimEnd(']').TrimEnd('.').ToLowerInvariant();
        if (h.Length == 0) return null;
        // One spelling per address: "0:0::1" and "::1" are the same host.
        if ((h.Contains(':') || Uri.CheckHostName(h) == UriHostNameType.IPv4) && IPAddress.TryParse(h, out var ip))
            return ip.ToString();
        if (h.Any(c => c > 127))
        {
            try { h = new IdnMapping().GetAscii(h); }
            catch (ArgumentException) { return null; }
        }
        return h;
    }
}
