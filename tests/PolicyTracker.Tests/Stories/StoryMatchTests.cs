using PolicyTracker.Web.Stories;

namespace PolicyTracker.Tests.Stories;

public sealed class StoryMatchTests
{
    [Fact]
    public void A_wire_copy_is_the_same_story()
    {
        Assert.True(StoryMatch.SameStory(StoryTexts.Original("a"), StoryTexts.WireCopy("a")));
    }

    [Fact]
    public void Another_event_on_the_same_beat_is_a_different_story()
    {
        Assert.False(StoryMatch.SameStory(StoryTexts.Original("a"), StoryTexts.LaterEvent("a")));
    }

    [Fact]
    public void The_signature_estimates_the_overlap_and_survives_the_database()
    {
        var original = StorySignature.Of(StoryTexts.Original("a"));
        Assert.Equal(original, StorySignature.Of(StoryTexts.Original("a")));
        Assert.Equal(original, StorySignature.FromBytes(StorySignature.ToBytes(original)));
        var copy = StorySignature.Of(StoryTexts.WireCopy("a"));
        var exact = StorySignature.Jaccard(StoryTexts.Original("a"), StoryTexts.WireCopy("a"));
        Assert.InRange(StorySignature.Estimate(original, copy), exact - 0.15, exact + 0.15);
        Assert.NotEmpty(StorySignature.BandKeys(original).Intersect(StorySignature.BandKeys(copy)));
        Assert.True(StorySignature.Estimate(original, StorySignature.Of(StoryTexts.LaterEvent("a"))) < 0.2);
    }

    [Fact]
    public void Case_and_punctuation_do_not_matter_but_words_do()
    {
        Assert.Equal(1.0, StorySignature.Jaccard("The Office said: NO.", "the office said no"));
        Assert.Equal(0.0, StorySignature.Jaccard("one two three four five", "six seven eight nine ten"));
    }
}
