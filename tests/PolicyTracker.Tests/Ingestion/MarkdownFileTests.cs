using PolicyTracker.Web.Ingestion;

namespace PolicyTracker.Tests.Ingestion;

public sealed class MarkdownFileTests
{
    [Fact]
    public void Front_matter_gives_the_metadata()
    {
        var draft = MarkdownFile.Read("""
            ---
            title: "Agency asks lab to limit preview: what we know"
            source: Policy Wire
            url: https://policywire.example/2026/limit
            author: Dana Reyes
            published: 2026-04-14T09:30:00Z
            ---
            Body **text**.
            """);

        Assert.Equal("Agency asks lab to limit preview: what we know", draft.Title);
        Assert.Equal("Policy Wire", draft.SourceName);
        Assert.Equal("https://policywire.example/2026/limit", draft.Url);
        Assert.Equal("Dana Reyes", draft.Author);
        Assert.Equal(new DateTime(2026, 4, 14, 9, 30, 0, DateTimeKind.Utc), draft.PublishedAt);
        Assert.Equal(DateTimeKind.Utc, draft.PublishedAt!.Value.Kind);
        Assert.Equal("Body **text**.", draft.Content.Trim());
    }

    [Fact]
    public void Without_front_matter_the_first_heading_is_the_title()
    {
        var draft = MarkdownFile.Read("# Heading title\n\nBody.");
        Assert.Equal("Heading title", draft.Title);
        Assert.Null(draft.PublishedAt);
        Assert.Equal("Body.", draft.Content.Trim());
    }

    [Theory]
    [InlineData("---\ntitle: x\nBody without end", "no closing")]
    [InlineData("---\ntitle: [oops\n---\nBody", "not valid YAML")]
    [InlineData("---\ntitle: x\npublished: next Tuesday\n---\nBody", "not a date")]
    [InlineData("Just text", "no title")]
    public void Malformed_files_say_what_is_wrong(string markdown, string message)
    {
        var e = Assert.Throws<FormatException>(() => MarkdownFile.Read(markdown));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Dates_without_time_or_with_offsets_become_utc()
    {
        Assert.Equal(new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc), MarkdownFile.ParseDate("2025-03-01"));
        Assert.Equal(new DateTime(2025, 3, 1, 7, 0, 0, DateTimeKind.Utc), MarkdownFile.ParseDate("2025-03-01T09:00:00+02:00"));
    }
}
