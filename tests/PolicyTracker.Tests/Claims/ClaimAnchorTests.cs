using PolicyTracker.Web.Claims;

namespace PolicyTracker.Tests.Claims;

public sealed class ClaimAnchorTests
{
    const string Text = "Intro 🙂 line.\nThe ministry asked the lab to wait. The lab agreed.\nThe ministry asked the lab to wait. Again.";

    [Fact]
    public void Positions_count_code_points_and_carry_context()
    {
        var start = "Intro 🙂 line.\n".Length - 1; // the emoji is two UTF-16 units, one code point
        var span = ClaimAnchor.At(Text, start, start + 34)!;
        Assert.Equal("The ministry asked the lab to wait", span.Exact);
        Assert.Equal("Intro 🙂 line.\n", span.Prefix);
        Assert.StartsWith(". The lab agreed.", span.Suffix);
        Assert.Null(ClaimAnchor.At(Text, 10, 5000));
    }

    [Fact]
    public void A_quote_that_occurs_twice_resolves_to_the_occurrence_whose_context_fits()
    {
        var second = ClaimAnchor.Resolve(Text, "The ministry asked the lab to wait.", "agreed.\n", " Again.", null, null)!;
        Assert.Equal(" Again.", second.Suffix);
        var first = ClaimAnchor.Resolve(Text, "The ministry asked the lab to wait.", "line.\n", " The lab", null, null)!;
        Assert.Equal(14, first.Start);
    }

    [Fact]
    public void Claims_follow_their_quote_into_a_revision_and_are_orphaned_when_it_is_gone()
    {
        var old = ClaimAnchor.Resolve(Text, "The lab agreed.", null, null, null, null)!;
        var revised = "Update: a new first paragraph.\n" + Text;
        var moved = ClaimAnchor.Reanchor(revised, old)!;
        Assert.Equal(old.Start + "Update: a new first paragraph.\n".Length, moved.Start);
        Assert.Equal("The lab agreed.", moved.Exact);
        Assert.Null(ClaimAnchor.Reanchor(Text.Replace("The lab agreed.", "The lab refused."), old));
    }
}
