using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Stories;

namespace PolicyTracker.Tests.Stories;

public sealed class StoryIndexTests
{
    static IEnumerable<string> Texts() =>
        Directory.GetFiles(Path.Combine(RepoRoot.Path, "content"), "*.md", SearchOption.AllDirectories).Select(File.ReadAllText)
            .Append("Ünïcödé Straße déjà vu ΑΒΓ δεζ 𝒜𝒷𝒸 😀 İstanbul ß, and ASCII words too.")
            .Append("short").Append("").Append("one two three four");

    [Fact]
    public void The_one_pass_signature_agrees_with_the_signature_of_the_shingle_set()
    {
        foreach (var text in Texts())
            Assert.Equal(StorySignature.OfShingles(StorySignature.ShingleSet(text)), StorySignature.Of(text));
    }

    [Fact]
    public void A_story_with_many_copies_is_still_found_by_its_next_copy()
    {
        var index = new StoryIndex();
        // Forty copies of one story share their band values: far more than a lookup reads per bucket.
        for (var id = 1; id <= 40; id++) index.Add(id, StorySignature.Of(StoryTexts.WireCopy("big") + $" Copy {id}."));
        index.Add(100, StorySignature.Of(StoryTexts.LaterEvent("big")));

        var found = index.Candidates(StorySignature.Of(StoryTexts.Original("big")));

        Assert.Contains(found, c => c.ArticleId <= 40 && c.Estimate >= StoryMatch.MinEstimate);
        Assert.DoesNotContain(found, c => c.ArticleId == 100 && c.Estimate >= StoryMatch.MinEstimate);
    }

    [Fact]
    public void A_new_signature_replaces_the_old_one_and_a_split_article_is_left_out()
    {
        var index = new StoryIndex();
        index.Add(1, StorySignature.Of(StoryTexts.WireCopy("r")));
        index.Add(2, StorySignature.Of(StoryTexts.LaterEvent("r")));
        var original = StorySignature.Of(StoryTexts.Original("r"));
        Assert.Contains(index.Candidates(original), c => c.ArticleId == 1);

        index.Add(1, StorySignature.Of(StoryTexts.LaterEvent("other")));
        Assert.DoesNotContain(index.Candidates(original), c => c.ArticleId == 1 && c.Estimate >= StoryMatch.MinEstimate);

        index.Add(3, StorySignature.Of(StoryTexts.WireCopy("r")));
        index.SetAlone(3, true);
        Assert.DoesNotContain(index.Candidates(original), c => c.ArticleId == 3);
    }
}
