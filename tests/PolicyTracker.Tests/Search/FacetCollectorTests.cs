using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PolicyTracker.Web.Search;
using Fields = PolicyTracker.Web.Search.Fields;

namespace PolicyTracker.Tests.Search;

/// <summary>Facet counts straight from an index of several segments: per document, or once per story when collapsing.</summary>
public sealed class FacetCollectorTests
{
    static readonly string[] Facets = [Fields.SourceFacet, Fields.EntityFacet];

    static Document Doc(long story, string source, params string[] entities)
    {
        var doc = new Document { new NumericDocValuesField(Fields.StoryNumber, story), new SortedSetDocValuesField(Fields.SourceFacet, new BytesRef(source)) };
        foreach (var e in entities) doc.Add(new SortedSetDocValuesField(Fields.EntityFacet, new BytesRef(e)));
        return doc;
    }

    /// <summary>Each batch becomes a segment of its own, so stories span segments.</summary>
    static DirectoryReader Index(params Document[][] segments)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer()) { MergePolicy = NoMergePolicy.NO_COMPOUND_FILES }))
        {
            foreach (var segment in segments)
            {
                foreach (var doc in segment) writer.AddDocument(doc);
                writer.Commit();
            }
        }
        return DirectoryReader.Open(directory);
    }

    static Dictionary<string, int> Counts(FacetCollector c, string field) => c.Top(field, 100).ToDictionary(f => f.Value, f => f.Count);

    [Fact]
    public void Grouped_counts_take_each_story_once_across_segments_and_plain_counts_take_each_document()
    {
        using var reader = Index(
            [Doc(7, "Wire", "EU AI Office", "GPT-5.6"), Doc(0, "Ledger", "GPT-5.6"), Doc(9, "Wire", "NIST")],
            [Doc(7, "Ledger", "EU AI Office"), Doc(7, "Wire", "Claude 5"), Doc(0, "Wire")]);
        Assert.Equal(2, reader.Leaves.Count);
        var searcher = new IndexSearcher(reader);

        var grouped = new FacetCollector(Facets, withTimes: false, groupByStory: true);
        searcher.Search(new MatchAllDocsQuery(), grouped);
        Assert.Equal(6, grouped.Matches);
        Assert.Equal(4, grouped.Stories); // story 7, story 9 and two articles alone
        Assert.Equal(3, grouped.StorySize(7));
        Assert.Equal(0, grouped.StorySize(42));
        // Story 7 counts once for Wire and once for Ledger; Wire also for story 9 and the second article alone.
        Assert.Equal(new Dictionary<string, int> { ["Wire"] = 3, ["Ledger"] = 2 }, Counts(grouped, Fields.SourceFacet));
        Assert.Equal(new Dictionary<string, int> { ["EU AI Office"] = 1, ["GPT-5.6"] = 2, ["NIST"] = 1, ["Claude 5"] = 1 }, Counts(grouped, Fields.EntityFacet));

        var plain = new FacetCollector(Facets, withTimes: false);
        searcher.Search(new MatchAllDocsQuery(), plain);
        Assert.Equal(new Dictionary<string, int> { ["Wire"] = 4, ["Ledger"] = 2 }, Counts(plain, Fields.SourceFacet));
        Assert.Equal(2, Counts(plain, Fields.EntityFacet)["EU AI Office"]);
    }

    [Fact]
    public void A_story_matched_many_times_still_counts_each_value_once()
    {
        // More matches than the collector compares one by one, in three segments.
        var copies = Enumerable.Range(0, 30).Select(i => Doc(3, i % 2 == 0 ? "Wire" : "Ledger", "OpenAI", $"Model {i % 5}")).ToArray();
        using var reader = Index(copies[..10], copies[10..20], copies[20..]);
        for (var round = 0; round < 3; round++)
        {
            using var grouped = new FacetCollector(Facets, withTimes: false, groupByStory: true);
            new IndexSearcher(reader).Search(new MatchAllDocsQuery(), grouped);
            AssertOneStoryOfThirty(grouped);
        }
    }

    static void AssertOneStoryOfThirty(FacetCollector grouped)
    {
        Assert.Equal(1, grouped.Stories);
        Assert.Equal(30, grouped.StorySize(3));
        Assert.Equal(new Dictionary<string, int> { ["Wire"] = 1, ["Ledger"] = 1 }, Counts(grouped, Fields.SourceFacet));
        var entities = Counts(grouped, Fields.EntityFacet);
        Assert.Equal(6, entities.Count);
        Assert.All(entities.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public void Top_keeps_the_largest_counts_with_ties_in_name_order_and_counts_reuse_cleanly()
    {
        using var reader = Index(
            [Doc(0, "Wire", "B"), Doc(0, "Wire", "A"), Doc(0, "Ledger", "C"), Doc(5, "Post", "D", "A")],
            [Doc(5, "Post", "D"), Doc(0, "Courier", "B", "E")]);
        var searcher = new IndexSearcher(reader);
        for (var round = 0; round < 3; round++)
        {
            // Collectors return their arrays to a pool; later ones must start from zero all the same.
            using var grouped = new FacetCollector(Facets, withTimes: false, groupByStory: true);
            searcher.Search(new MatchAllDocsQuery(), grouped);
            Assert.Equal([new FacetValue("A", 2), new FacetValue("B", 2), new FacetValue("C", 1)], grouped.Top(Fields.EntityFacet, 3));
            Assert.Equal([new FacetValue("Wire", 2), new FacetValue("Courier", 1)], grouped.Top(Fields.SourceFacet, 2));
            Assert.Equal(2, grouped.StorySize(5));
            Assert.Empty(grouped.Top(Fields.SourceFacet, 0));
        }
    }
}

/// <summary>Answers are kept per searcher: the same searcher answers a repeated request from memory, a refreshed one afresh.</summary>
public sealed class SearcherResultsTests
{
    [Fact]
    public void A_request_is_answered_once_per_searcher()
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer()))) writer.AddDocument(new Document());
        using var reader = DirectoryReader.Open(directory);
        var first = new IndexSearcher(reader);
        var refreshed = new IndexSearcher(reader);
        var asked = 0;
        string Answer() => $"answer {++asked}";

        var request = new SearchRequest("export controls", Page: 2);
        Assert.Equal("answer 1", SearcherResults.GetOrAnswer(first, request, Answer));
        Assert.Equal("answer 1", SearcherResults.GetOrAnswer(first, request with { }, Answer)); // equal requests share the answer
        Assert.Equal("answer 2", SearcherResults.GetOrAnswer(first, request with { Page = 3 }, Answer));
        Assert.Equal("answer 3", SearcherResults.GetOrAnswer(refreshed, request, Answer));
        Assert.Equal(3, asked);
    }
}
