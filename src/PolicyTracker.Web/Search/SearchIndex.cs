using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
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
        writer = new IndexWriter(directory, new IndexWriterConfig(Version, CreateAnalyzer()) { OpenMode = OpenMode.CREATE_OR_APPEND });
        searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        LastEvent = committedEvent = writer.CommitData.TryGetValue(LastEventKey, out var v) && long.TryParse(v, out var n) ? n : 0;
    }

    public string Folder { get; }

    /// <summary>The last event whose change is in the index (committed or about to be).</summary>
    public long LastEvent { get; private set; }

    /// <summary>English analysis with stemming for text; field names map to their own analyzers.</summary>
    public static Analyzer CreateAnalyzer() =>
        new PerFieldAnalyzerWrapper(new EnglishAnalyzer(Version), new Dictionary<string, Analyzer>
        {
            ["source"] = new KeywordAnalyzer(),
        });

    /// <summary>Adds or replaces the article's document.</summary>
    public void Upsert(IndexedArticle article)
    {
        var doc = new Document
        {
            new StringField("id", article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
            new TextField("title", article.Title, Field.Store.YES),
            new TextField("text", article.Text, Field.Store.NO),
            new StringField("source", article.SourceDomain ?? "", Field.Store.YES),
        };
        if (article.PublishedAt is { } published)
            doc.Add(new Int64Field("published", published.Ticks, Field.Store.YES));
        writer.UpdateDocument(new Term("id", doc.Get("id")), doc);
    }

    /// <summary>Removes every document (before a rebuild).</summary>
    public void Clear() => writer.DeleteAll();

    /// <summary>Makes what was added up to <paramref name="lastEvent"/> searchable (near-real-time, without a commit).</summary>
    public void Refresh(long lastEvent)
    {
        LastEvent = lastEvent;
        searchers.MaybeRefreshBlocking();
    }

    /// <summary>Writes the index durably, recording the last event it holds; a restart resumes from there.</summary>
    public void Commit()
    {
        lock (writer)
        {
            if (LastEvent == committedEvent) return;
            var last = LastEvent;
            writer.SetCommitData(new Dictionary<string, string> { [LastEventKey] = last.ToString(System.Globalization.CultureInfo.InvariantCulture) });
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
public sealed record IndexedArticle(int Id, string Title, string Text, string? SourceDomain, DateTime? PublishedAt);
