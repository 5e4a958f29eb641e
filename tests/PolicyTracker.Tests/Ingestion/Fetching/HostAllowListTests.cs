using PolicyTracker.Web.Ingestion.Fetching;

namespace PolicyTracker.Tests.Ingestion.Fetching;

public sealed class HostAllowListTests
{
    [Fact]
    public void A_bare_host_allows_every_port_case_insensitively()
    {
        var list = new HostAllowList(["Intranet.Example"]);
        Assert.True(list.Allows("intranet.example", 80));
        Assert.True(list.Allows("INTRANET.EXAMPLE", 8443));
        Assert.True(list.Allows("intranet.example.", 80));
        Assert.False(list.Allows("other.example", 80));
        Assert.False(list.Allows("sub.intranet.example", 80));
    }

    [Fact]
    public void Host_and_port_allows_only_that_port()
    {
        var list = new HostAllowList(["127.0.0.1:5080", "LocalHost:9000"]);
        Assert.True(list.Allows("127.0.0.1", 5080));
        Assert.False(list.Allows("127.0.0.1", 5081));
        Assert.False(list.Allows("127.0.0.2", 5080));
        Assert.True(list.Allows("localhost", 9000));
        Assert.False(list.Allows("localhost", 80));
    }

    [Fact]
    public void IPv6_literals_match_with_or_without_brackets_and_in_any_spelling()
    {
        var list = new HostAllowList(["[::1]:8080", "fd00:0:0::7"]);
        Assert.True(list.Allows("[::1]", 8080));
        Assert.True(list.Allows("::1", 8080));
        Assert.False(list.Allows("[::1]", 8081));
        Assert.True(list.Allows("[fd00::7]", 443));
    }

    [Fact]
    public void Unicode_entries_match_punycode_hosts() =>
        Assert.True(new HostAllowList(["bücher.example"]).Allows("xn--bcher-kva.example", 443));

    [Fact]
    public void An_empty_list_allows_nothing()
    {
        var list = new HostAllowList([]);
        Assert.True(list.IsEmpty);
        Assert.False(list.Allows("localhost", 80));
    }

    [Theory]
    [InlineData("")]
    [InlineData("host:")]
    [InlineData("host:0")]
    [InlineData("host:70000")]
    [InlineData("host:http")]
    [InlineData("[::1")]
    [InlineData("[::1]x")]
    [InlineData("http://host")]
    [InlineData("bad host")]
    public void Malformed_entries_are_rejected(string entry) =>
        Assert.Throws<ArgumentException>(() => new HostAllowList([entry]));
}
