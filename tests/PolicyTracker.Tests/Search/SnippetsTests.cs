using Lucene.Net.Search;
using PolicyTracker.Web.Search;

namespace PolicyTracker.Tests.Search;

public sealed class SnippetsTests
{
    static string Snippet(string query, string text) =>
        new Snippets(TrackerQueryParser.ParseQuery(query, SearchIndex.SharedAnalyzer), Fields.Text).For(text, SearchIndex.SharedAnalyzer, Fields.Text);

    [Fact]
    public void Marks_every_form_of_a_stemmed_word()
    {
        var snippet = Snippet("restrictions", "The ministry restricted the preview. Further restrictions followed.");

        Assert.Contains("<mark>restricted</mark>", snippet);
        Assert.Contains("<mark>restrictions</mark>", snippet);
    }

    [Fact]
    public void Encodes_the_text_around_the_marks()
    {
        var snippet = Snippet("preview", "A <script>alert(1)</script> note & the preview itself.");

        Assert.DoesNotContain("<script", snippet);
        Assert.Contains("&lt;script&gt;", snippet);
        Assert.Contains("&amp;", snippet);
        Assert.Contains("<mark>preview</mark>", snippet);
    }

    [Fact]
    public void Prefers_the_passage_holding_more_of_the_query()
    {
        var filler = string.Concat(Enumerable.Repeat("Unrelated background sentence about weather and sport. ", 12));
        var text = "The regulator spoke briefly. " + filler + "Later the regulator approved the export licence for the model.";

        var snippet = Snippet("regulator licence", text);

        Assert.Contains("<mark>regulator</mark> approved the export <mark>licence</mark>", snippet);
        Assert.StartsWith("…", snippet);
    }

    [Fact]
    public void Without_a_match_in_the_text_shows_its_opening()
    {
        var text = string.Concat(Enumerable.Repeat("Opening words of a long article. ", 20));

        var snippet = Snippet("nowhere", text);

        Assert.StartsWith("Opening words", snippet);
        Assert.EndsWith("…", snippet);
        Assert.DoesNotContain("<mark>", snippet);
        Assert.True(snippet.Length < 260);
    }

    [Theory]
    [InlineData("agency", "multi-agencies")]
    [InlineData("possibility", "possibilities")]
    [InlineData("policy", "Policy's")]
    [InlineData("controlled", "controlling")]
    public void Finds_forms_whose_stem_rewrites_the_ending_deep_in_a_long_text(string query, string form)
    {
        // Far past the scan budget, after text that shares no word with the query.
        var filler = string.Concat(Enumerable.Repeat("Unrelated background sentence about weather and sport. ", 150));
        var text = filler + $"Late in the piece the {form} came up once.";

        var snippet = Snippet(query, text);

        Assert.Contains($"<mark>{System.Net.WebUtility.HtmlEncode(form.Split('-')[^1])}</mark> came up once", snippet);
        Assert.StartsWith("…", snippet);
    }

    [Fact]
    public void A_query_without_text_terms_marks_nothing()
    {
        var snippet = new Snippets(new MatchAllDocsQuery(), Fields.Text).For("Any text at all.", SearchIndex.SharedAnalyzer, Fields.Text);

        Assert.Equal("Any text at all.", snippet);
    }
}
