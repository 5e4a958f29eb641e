using PolicyTracker.Web.Ingestion.Feeds;
using static PolicyTracker.Tests.Ingestion.Feeds.FeedFixtures;

namespace PolicyTracker.Tests.Ingestion.Feeds;

public sealed class FeedDateTests
{
    [Theory]
    [InlineData("Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21")]
    [InlineData("Thu, 1 Jan 2004 19:48:21 -0500", "2004-01-02T00:48:21")]
    [InlineData("Thu, 01 Jan 2004 19:48 EDT", "2004-01-01T23:48:00")]
    [InlineData("01 Jan 04 19:48:21 Z", "2004-01-01T19:48:21")]
    [InlineData("Thu, 01-Jan-2004 19:48:21 +01:00", "2004-01-01T18:48:21")]
    [InlineData("Thursday, 01 January 2004 19:48:21 UT", "2004-01-01T19:48:21")]
    [InlineData("Thu, 01 Jan 2004 19:48:21 +0000 (UTC)", "2004-01-01T19:48:21")]
    [InlineData("thu, 01 JAN 2004 19:48:21 gmt", "2004-01-01T19:48:21")]
    [InlineData("Thu Jan  1 19:48:21 2004", "2004-01-01T19:48:21")]
    [InlineData("01 Jan 2004", "2004-01-01T00:00:00")]
    [InlineData("2003-12-31T10:14:55Z", "2003-12-31T10:14:55")]
    [InlineData("2003-12-31T10:14:55.5+01:00", "2003-12-31T09:14:55.5")]
    [InlineData("2003-12-31t10:14:55-08:00", "2003-12-31T18:14:55")]
    [InlineData("2003-12-31T10:14Z", "2003-12-31T10:14:00")]
    [InlineData("2003-12-31 10:14:55", "2003-12-31T10:14:55")]
    [InlineData("20031231T101455Z", "2003-12-31T10:14:55")]
    [InlineData("2003-12-31", "2003-12-31T00:00:00")]
    [InlineData("2003-12", "2003-12-01T00:00:00")]
    [InlineData("2003", "2003-01-01T00:00:00")]
    [InlineData("2003-12-31T24:00:00Z", "2004-01-01T00:00:00")]
    public void Readable_dates_come_back_as_utc(string text, string expected)
    {
        var parsed = FeedDates.Parse(text);
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed);
        Assert.Equal(DateTimeKind.Utc, parsed!.Value.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("Thu, 32 Jan 2004 19:48:21 GMT")]
    [InlineData("2004-13-01")]
    [InlineData("Foo, 01 Bar 2004 19:48:21 GMT")]
    public void Unreadable_dates_are_null(string? text) => Assert.Null(FeedDates.Parse(text));

    [Fact]
    public void Odd_dates_in_a_feed_are_read_or_left_null()
    {
        var items = Parse("odd-dates.xml").Items;
        Assert.Equal(
            [Utc(2026, 3, 5, 22, 0), Utc(2026, 3, 5, 14, 0), Utc(2026, 3, 5, 8, 30), Utc(2026, 3, 5, 17, 0).AddMilliseconds(250), Utc(2026, 3, 5), null, null],
            items.Select(i => i.PublishedAt));
        Assert.Equal("sometime last week", items[5].Published?.Text);
    }
}
