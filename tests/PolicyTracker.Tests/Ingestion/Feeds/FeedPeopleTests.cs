using PolicyTracker.Web.Ingestion.Feeds;

namespace PolicyTracker.Tests.Ingestion.Feeds;

public sealed class FeedPeopleTests
{
    [Theory]
    [InlineData("me@example.com (Jane Doe)", "Jane Doe", "me@example.com")]
    [InlineData("Jane Doe <me@example.com>", "Jane Doe", "me@example.com")]
    [InlineData("\"Jane Doe\" <me@example.com>", "Jane Doe", "me@example.com")]
    [InlineData("Jane Doe (me@example.com)", "Jane Doe", "me@example.com")]
    [InlineData("me@example.com", null, "me@example.com")]
    [InlineData("mailto:me@example.com", null, "me@example.com")]
    [InlineData("Jane Doe", "Jane Doe", null)]
    [InlineData("  Jane \n Doe  ", "Jane Doe", null)]
    [InlineData("Jane Doe (Reuters)", "Jane Doe (Reuters)", null)]
    public void Person_strings_are_split_into_name_and_email(string text, string? name, string? email) =>
        Assert.Equal(new FeedPerson(name, email, null), FeedPeople.Parse(text));

    [Fact]
    public void Blank_people_are_null() => Assert.Null(FeedPeople.Parse("  "));
}
