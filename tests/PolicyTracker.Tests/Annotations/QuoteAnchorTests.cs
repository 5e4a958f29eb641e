using PolicyTracker.Web.Annotations;

namespace PolicyTracker.Tests.Annotations;

public sealed class QuoteAnchorTests
{
    [Fact]
    public void Positions_count_code_points_not_utf16_units()
    {
        const string text = "Rocket 🚀 launch: the lab 🧪 opened weights.";
        var selector = TextSelector.Describe(text, 27, 33);

        Assert.NotNull(selector);
        Assert.Equal("opened", selector.Exact);
        Assert.Equal("Rocket 🚀 launch: the lab 🧪 ", selector.Prefix);
        Assert.Equal(" weights.", selector.Suffix);
        Assert.Equal(selector, QuoteAnchor.Locate(text, selector));
    }

    [Fact]
    public void A_repeated_quote_is_told_apart_by_its_prefix_and_suffix()
    {
        const string text = "The ministry said no. Later the lab said no. Finally the court said no.";
        var lab = new TextSelector("said no", "Later the lab ", ". Finally", 0, 0);
        var found = QuoteAnchor.Locate(text, lab);

        Assert.NotNull(found);
        Assert.Equal(text.IndexOf("said no. Finally", StringComparison.Ordinal), found.Start);
    }

    [Fact]
    public void A_quote_moves_with_edits_before_it_and_is_lost_when_removed()
    {
        const string before = "Intro. The export rule covers model weights above a threshold. Outro.";
        var selector = TextSelector.Describe(before, before.IndexOf("model weights", StringComparison.Ordinal), before.IndexOf("model weights", StringComparison.Ordinal) + 13)!;

        const string revised = "A much longer introduction was added. Intro. The export rule covers model weights above a threshold. Outro.";
        var moved = QuoteAnchor.Locate(revised, selector);
        Assert.NotNull(moved);
        Assert.Equal(revised.IndexOf("model weights", StringComparison.Ordinal), moved.Start);
        Assert.Equal("model weights", moved.Exact);

        Assert.Null(QuoteAnchor.Locate("Intro. The export rule was withdrawn. Outro.", selector));
    }

    [Fact]
    public void Resolving_a_client_selector_checks_the_quote_against_the_text()
    {
        const string text = "Agencies must publish an inventory of AI systems.";

        var (byPosition, _) = QuoteAnchor.Resolve(text, null, null, null, 25, 34);
        Assert.Equal("inventory", byPosition!.Exact);

        var (byQuote, _) = QuoteAnchor.Resolve(text, "AI systems", null, null, null, null);
        Assert.Equal((38, 48), (byQuote!.Start, byQuote.End));

        Assert.Contains("not the quoted", QuoteAnchor.Resolve(text, "registry", null, null, 25, 34).Error);
        Assert.Contains("does not occur", QuoteAnchor.Resolve(text, "registry", null, null, null, null).Error);
        Assert.Contains("does not lie within", QuoteAnchor.Resolve(text, null, null, null, 40, 400).Error);
    }
}
