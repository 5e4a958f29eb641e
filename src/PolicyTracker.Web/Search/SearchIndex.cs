using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace PolicyTracker.Web.Search;

/// <summary>
/// The one owner of the Lucene index: a single <see cref="IndexWriter"/> and a
/// <see cref="SearcherManager"/> refreshed after each batch. The index is derived from the
/// database and records, in its commit data, the last event it has applied.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
    const string LastEventKey = "lastEvent";
    const string SchemaKey = "schema";
    /// <summary>Raised whenever the indexed fields change, so an older index is rebuilt.</summary>
    const string Schema = "6";

    readonly LuceneDirectory directory;
    readonly IndexWriter writer;
    readonly SearcherManager searchers;

    /// <summary>Opens (or creates) the index in <paramref name="folder"/>.</summary>
    public SearchIndex(string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        Folder = folder;
        directory = FSDirectory.Open(folder);
        if (IndexWriter.IsLocked(directory)) IndexWriter.Unlock(directory); // left by a crash; only this process writes
        writer = new IndexWriter(directory, new IndexWriterConfig(Version, CreateAnalyzer()) { OpenMode = OpenMode.CREATE_OR_APPEND, Similarity = Ranking });
        searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: new RankingSearcherFactory());
        LastEvent = committedEvent = writer.CommitData.TryGetValue(LastEventKey, out var v) && long.TryParse(v, out var n) ? n : 0;
        if (!writer.CommitData.TryGetValue(SchemaKey, out var schema) || schema != Schema)
        {
            // Built with other fields: rebuild from the events, starting from the first.
            writer.DeleteAll();
            LastEvent = committedEvent = 0;
            Commit(force: true);
        }
    }

    public string Folder { get; }

    /// <summary>BM25 ranks short news texts better than classic TF-IDF (measured by the relevance evaluation).</summary>
    static readonly Similarity Ranking = new Lucene.Net.Search.Similarities.BM25Similarity();

    sealed class RankingSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            // New segments' facets are decoded in the background; a search that comes first decodes what it needs.
            var leaves = reader.Leaves.Select(l => l.AtomicReader).ToList();
            reader.IncRef();
            _ = Task.Run(() =>
            {
                try
                {
                    foreach (var leaf in leaves) SegmentFacets.Of(leaf).Warm(leaf, SearchService.FacetFields);
                }
                catch (ObjectDisposedException)
                {
                    // Replaced and closed meanwhile: the next searcher warms its own segments.
                }
                finally
                {
                    reader.DecRef();
                }
            });
            return new IndexSearcher(reader) { Similarity = Ranking };
        }
    }

    /// <summary>The last event whose change is in the index (committed or about to be).</summary>
    public long LastEvent { get; private set; }

    /// <summary>One analyzer for queries and snippets: analyzers are thread-safe and reuse their token streams per thread.</summary>
    public static Analyzer SharedAnalyzer { get; } = CreateAnalyzer();

    /// <summary>English analysis with stemming for prose; keyword fields are matched whole, lower-cased.</summary>
    public static Analyzer CreateAnalyzer() =>
        new PerFieldAnalyzerWrapper(new EnglishAnalyzer(Version), new Dictionary<string, Analyzer>
        {
            [Fields.Source] = new LowerCaseKeywordAnalyzer(),
            [Fields.Flag] = new LowerCaseKeywordAnalyzer(),
            [Fields.Entity] = new LowerCaseKeywordAnalyzer(),
            [Fields.Cluster] = new LowerCaseKeywordAnalyzer(),
            [Fields.ClaimStatus] = new LowerCaseKeywordAnalyzer(),
            [Fields.Tag] = new LowerCaseKeywordAnalyzer(),
        });

    /// <summary>Adds or replaces the article's document.</summary>
    public void Upsert(IndexedArticle article) =>
        writer.UpdateDocument(new Term(Fields.Id, article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ToDocument(article));

    /// <summary>The document the index holds for an article (saved searches match the same one in memory).</summary>
    public static Document ToDocument(IndexedArticle article)
    {
        var id = article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var doc = new Document
        {
            new StringField(Fields.Id, id, Field.Store.YES),
            new TextField(Fields.Title, article.Title, Field.Store.YES),
            new TextField(Fields.Text, article.Text, Field.Store.NO),
            new TextField(Fields.Author, article.Author ?? "", Field.Store.NO),
        };
        foreach (var source in new[] { article.SourceName, article.SourceDomain }.OfType<string>().Distinct())
            doc.Add(new StringField(Fields.Source, source.ToLowerInvariant(), Field.Store.NO));
        if (article.SourceName is { } name) doc.Add(new SortedSetDocValuesField(Fields.SourceFacet, new BytesRef(name)));
        foreach (var flag in article.Flags.Distinct())
        {
            doc.Add(new StringField(Fields.Flag, flag, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(Fields.FlagFacet, new BytesRef(flag)));
        }
        foreach (var entity in article.Entities.Distinct())
        {
            doc.Add(new StringField(Fields.Entity, entity.ToLowerInvariant(), Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(Fields.EntityFacet, new BytesRef(entity)));
        }
        foreach (var status in article.ClaimStatuses.Distinct())
        {
            doc.Add(new StringField(Fields.ClaimStatus, status, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(Fields.ClaimStatusFacet, new BytesRef(status)));
        }
        foreach (var tag in article.Tags.Select(t => t.ToLowerInvariant()).Distinct())
            doc.Add(new StringField(Fields.Tag, tag, Field.Store.NO));
        // One story, one key: articles alone are their own story.
        var story = article.ClusterId is int cluster ? $"c{cluster}" : $"a{id}";
        doc.Add(new StringField(Fields.Cluster, story, Field.Store.YES));
        // The cluster as a number (0 = alone) for collapsing: cheaper per match than the key's ordinal.
        doc.Add(new NumericDocValuesField(Fields.StoryNumber, article.ClusterId ?? 0));
        var when = article.PublishedAt ?? article.IngestedAt;
        doc.Add(new Int64Field(Fields.Published, when.Ticks, Field.Store.NO));
        doc.Add(new NumericDocValuesField(Fields.PublishedSort, when.Ticks));
        doc.Add(new SortedSetDocValuesField(Fields.MonthFacet, new BytesRef(when.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))));
        return doc;
    }

    /// <summary>Removes every document (before a rebuild).</summary>
    public void Clear() => writer.DeleteAll();

    /// <summary>Makes what was added up to <paramref name="lastEvent"/> searchable (near-real-time, without a commit).</summary>
    public void Refresh(long lastEvent)
    {
        // Searchable first, then announced: whoever sees the new number finds the documents.
        searchers.MaybeRefreshBlocking();
        LastEvent = lastEvent;
    }

    /// <summary>Writes the index durably, recording the last event it holds; a restart resumes from there.</summary>
    public void Commit(bool force = false)
    {
        lock (writer)
        {
            if (LastEvent == committedEvent && !force) return;
            var last = LastEvent;
            writer.SetCommitData(new Dictionary<string, string> { [LastEventKey] = last.ToString(System.Globalization.CultureInfo.InvariantCulture), [SchemaKey] = Schema });
            writer.Commit();
            committedEvent = last;
        }
    }

    long committedEvent;

    /// <summary>Runs <paramref name="search"/> on a current searcher, released afterwards.</summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        var searcher = searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>How many articles the index holds.</summary>
    public int Count => Search(s => s.IndexReader.NumDocs);

    public void Dispose()
    {
        Commit();
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
    }
}

/// <summary>What the index holds of an article.</summary>
public sealed record IndexedArticle(int Id, string Title, string Text, string? SourceDomain, string? SourceName, string? Author,
    DateTime? PublishedAt, DateTime IngestedAt, IReadOnlyList<string> Flags)
{
    /// <summary>Canonical names of the article's entities.</summary>
    public IReadOnlyList<string> Entities { get; init; } = [];
    /// <summary>The story cluster it belongs to, if any.</summary>
    public int? ClusterId { get; init; }
    /// <summary>Statuses of its claims (accepted ones, suggestions aside).</summary>
    public IReadOnlyList<string> ClaimStatuses { get; init; } = [];
    /// <summary>Tags of its team-visible annotations (never private ones).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>The index's field names.</summary>
public static class Fields
{
    public const string Id = "id";
    public const string Title = "title";
    public const string Text = "text";
    public const string Author = "author";
    public const string Source = "source";
    public const string Flag = "flag";
    public const string Published = "published";
    public const string PublishedSort = "published_sort";
    public const string SourceFacet = "facet_source";
    public const string FlagFacet = "facet_flag";
    public const string MonthFacet = "facet_month";
    public const string Entity = "entity";
    public const string EntityFacet = "facet_entity";
    /// <summary>The story key: <c>c{clusterId}</c>, or <c>a{articleId}</c> for an article alone.</summary>
    public const string Cluster = "cluster";
    /// <summary>Doc values: the story's cluster id, or 0 for an article alone.</summary>
    public const string StoryNumber = "story_num";
    public const string ClaimStatus = "claimStatus";
    public const string ClaimStatusFacet = "facet_claim_status";
    /// <summary>Tags of team-visible annotations.</summary>
    public const string Tag = "tag";
}

/// <summary>Keyword fields match whole values regardless of case ("Meridian Wire", "meridian wire").</summary>
public sealed class LowerCaseKeywordAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, System.IO.TextReader reader)
    {
        var tokenizer = new KeywordTokenizer(reader);
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(SearchIndex.Version, tokenizer));
    }
}
