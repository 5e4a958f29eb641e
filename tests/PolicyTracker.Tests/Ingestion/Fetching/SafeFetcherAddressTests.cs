using System.Net;
using System.Net.Sockets;
using PolicyTracker.Web.Infrastructure;
using PolicyTracker.Web.Ingestion.Fetching;

namespace PolicyTracker.Tests.Ingestion.Fetching;

/// <summary>
/// Which addresses may be reached. Every refused target here is a loopback address, so even a broken
/// guard could not send traffic off this machine; /landing/{name} counts proves nothing arrived.
/// </summary>
public sealed class SafeFetcherAddressTests(FetchTestServer server) : IClassFixture<FetchTestServer>
{
    // Names resolved without DNS; "rebind.test" plays a public name whose records point inside.
    static HostResolver Resolver(List<string>? asked = null) => (host, _) =>
    {
        asked?.Add(host);
        return host switch
        {
            "rebind.test" => Task.FromResult(new[] { IPAddress.Loopback }),
            "mixed.test" => Task.FromResult(new[] { IPAddress.Parse("10.0.0.1"), IPAddress.Loopback }),
            _ => Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound)),
        };
    };

    async Task Refused(SafeFetcher fetcher, string url, string landing)
    {
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new Uri(url)));
        Assert.Equal(FetchFailure.RefusedAddress, e.Kind);
        Assert.Equal(0, server.Landings(landing));
    }

    [Fact]
    public async Task With_no_allowed_hosts_the_loopback_server_is_refused()
    {
        using var fetcher = new SafeFetcher(new FetchSettings());
        await Refused(fetcher, $"http://127.0.0.1:{server.Port}/landing/default-deny", "default-deny");
        await Refused(fetcher, $"http://localhost:{server.Port}/landing/default-deny", "default-deny");
        await Refused(fetcher, $"http://[::1]:{server.Port}/landing/default-deny", "default-deny");
        await Refused(fetcher, $"http://2130706433:{server.Port}/landing/default-deny", "default-deny");
        await Refused(fetcher, $"http://[::ffff:127.0.0.1]:{server.Port}/landing/default-deny", "default-deny");
    }

    [Fact]
    public async Task The_allowed_host_and_port_is_reached()
    {
        using var fetcher = server.Fetcher();
        Assert.Equal("landing allowed", (await fetcher.FetchAsync(server.Url("/landing/allowed"))).Text);
        Assert.Equal(1, server.Landings("allowed"));
    }

    [Fact]
    public async Task Another_port_of_an_allowed_host_port_entry_is_refused()
    {
        using var fetcher = server.Fetcher(allowed: ["127.0.0.1:1"]);
        await Refused(fetcher, server.Url("/landing/other-port").ToString(), "other-port");
    }

    [Theory]
    [InlineData("http://localhost:{port}/landing/{name}", "hop-localhost")]
    [InlineData("http://127.0.0.2:{port}/landing/{name}", "hop-127-0-0-2")]
    [InlineData("http://[::1]:{port}/landing/{name}", "hop-ipv6-loopback")]
    public async Task A_redirect_from_the_allowed_host_to_a_private_one_is_refused(string target, string name)
    {
        using var fetcher = server.Fetcher();
        var hop = target.Replace("{port}", server.Port.ToString()).Replace("{name}", name);
        await Refused(fetcher, server.Url($"/to?target={Uri.EscapeDataString(hop)}").ToString(), name);
    }

    [Fact]
    public async Task A_name_resolving_to_private_addresses_is_refused_after_resolution()
    {
        var asked = new List<string>();
        using var fetcher = server.Fetcher(resolver: Resolver(asked), allowed: []);
        await Refused(fetcher, $"http://rebind.test:{server.Port}/landing/rebind", "rebind");
        await Refused(fetcher, $"http://mixed.test:{server.Port}/landing/rebind", "rebind");
        Assert.Equal(["rebind.test", "mixed.test"], asked);
    }

    [Fact]
    public async Task An_allowed_name_may_resolve_to_a_private_address()
    {
        using var fetcher = server.Fetcher(resolver: Resolver(), allowed: ["REBIND.test"]);
        Assert.Equal("landing named", (await fetcher.FetchAsync(new Uri($"http://rebind.test:{server.Port}/landing/named"))).Text);
        Assert.Equal(1, server.Landings("named"));
    }

    [Fact]
    public async Task An_unknown_name_is_a_DNS_failure()
    {
        using var fetcher = server.Fetcher(resolver: Resolver(), allowed: ["nowhere.test"]);
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new Uri("http://nowhere.test/")));
        Assert.Equal(FetchFailure.DnsFailure, e.Kind);
    }

    [Fact]
    public async Task A_closed_port_is_a_connection_failure()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var fetcher = server.Fetcher(allowed: ["127.0.0.1"]);
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new Uri($"http://127.0.0.1:{closedPort}/")));
        Assert.Equal(FetchFailure.ConnectionFailed, e.Kind);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/file")]
    [InlineData("file:///etc/passwd")]
    [InlineData("mailto:someone@policy.example")]
    public async Task Only_http_and_https_are_fetched(string url)
    {
        using var fetcher = server.Fetcher();
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new Uri(url)));
        Assert.Equal(FetchFailure.InvalidAddress, e.Kind);
    }

    [Fact]
    public async Task A_relative_address_is_invalid()
    {
        using var fetcher = server.Fetcher();
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new Uri("/landing/x", UriKind.Relative)));
        Assert.Equal(FetchFailure.InvalidAddress, e.Kind);
    }

    [Fact]
    public async Task A_redirect_to_another_scheme_is_invalid()
    {
        using var fetcher = server.Fetcher();
        var e = await Assert.ThrowsAsync<FetchException>(() =>
            fetcher.FetchAsync(server.Url($"/to?target={Uri.EscapeDataString("file:///etc/passwd")}")));
        Assert.Equal(FetchFailure.InvalidAddress, e.Kind);
    }
}
