using PolicyTracker.Web.Claims;

namespace PolicyTracker.Tests.Claims;

public sealed class ClaimFinderTests
{
    [Theory]
    [InlineData("The ministry asked Corvid Labs on Monday to limit the preview to approved partners.")]
    [InlineData("A company spokesperson said it would appeal the decision.")]
    [InlineData("Exports rose 38 percent in the first quarter, customs data showed.")]
    [InlineData("The regulator fined Tessellate Media 1.2 million euros on Friday.")]
    public void Checkable_sentences_are_candidates(string sentence) => Assert.True(ClaimFinder.IsClaim(sentence));

    [Theory]
    [InlineData("What will smaller developers make of it?")]
    [InlineData("This article is AI-generated and may contain errors; please verify it independently.")]
    [InlineData("Other councils may follow, and regulators should publish their criteria.")]
    [InlineData("Open-weight releases have become a flashpoint in the debate.")]
    [InlineData("Sign up for our newsletter to get weekly updates.")]
    public void Questions_opinion_background_and_disclaimers_are_not(string sentence) => Assert.False(ClaimFinder.IsClaim(sentence));

    [Fact]
    public void Spans_count_code_points_of_the_canonical_text()
    {
        const string text = "Intro 🙂 with an emoji here.\nThe agency approved the tool on 12 February, officials said.";
        var found = Assert.Single(ClaimFinder.Find(text));
        Assert.Equal("The agency approved the tool on 12 February, officials said.", found.Exact);
        Assert.Equal(text.IndexOf("The agency", StringComparison.Ordinal) - 1, found.Start);
        Assert.Equal(found.Start + found.Exact.Length, found.End);
    }
}
