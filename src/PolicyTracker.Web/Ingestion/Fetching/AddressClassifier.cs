using System.Net;
using System.Net.Sockets;

namespace PolicyTracker.Web.Ingestion.Fetching;

/// <summary>Decides whether an address is public, so a fetched link cannot reach this machine or its network.</summary>
internal static class AddressClassifier
{
    // Not globally reachable (RFC 6890 and successors). Documentation and benchmarking ranges are
    // included: nothing legitimate is published there, and some networks route them internally.
    static readonly IPNetwork[] RefusedV4 = Parse(
        "0.0.0.0/8",        // "this network", includes the unspecified address
        "10.0.0.0/8",       // private
        "100.64.0.0/10",    // carrier-grade NAT
        "127.0.0.0/8",      // loopback
        "169.254.0.0/16",   // link-local, includes cloud metadata endpoints
        "172.16.0.0/12",    // private
        "192.0.0.0/24",     // IETF protocol assignments
        "192.0.2.0/24",     // documentation
        "192.88.99.0/24",   // deprecated 6to4 relay anycast
        "192.168.0.0/16",   // private
        "198.18.0.0/15",    // benchmarking
        "198.51.100.0/24",  // documentation
        "203.0.113.0/24",   // documentation
        "224.0.0.0/4",      // multicast
        "240.0.0.0/4");     // reserved, includes broadcast

    // Only global unicast (2000::/3) is public; that alone rules out ::, ::1, IPv4-compatible,
    // fe80::/10, fec0::/10, fc00::/7 and ff00::/8. These global blocks are special-purpose too.
    static readonly IPNetwork GlobalV6 = IPNetwork.Parse("2000::/3");
    static readonly IPNetwork[] RefusedV6 = Parse(
        "2001::/23",        // IETF protocol assignments, includes Teredo, which hides an IPv4 target
        "2001:db8::/32",    // documentation
        "3fff::/20");       // documentation

    // Translation prefixes that carry an IPv4 address: judged by that address.
    static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    /// <summary>True when <paramref name="address"/> is globally routable unicast.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return IsPublicV4(address.MapToIPv4());
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    static bool IsPublicV4(IPAddress address) => !RefusedV4.Any(n => n.Contains(address));

    static bool IsPublicV6(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address)) return IsPublicV4(new IPAddress(bytes.AsSpan(12, 4)));
        if (SixToFour.Contains(address)) return IsPublicV4(new IPAddress(bytes.AsSpan(2, 4)));
        return GlobalV6.Contains(address) && !RefusedV6.Any(n => n.Contains(address));
    }

    static IPNetwork[] Parse(params string[] networks) => [.. networks.Select(n => IPNetwork.Parse(n))];
}
