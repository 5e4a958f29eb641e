using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Index.Memory;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PolicyTracker.Web.Search;

namespace PolicyTracker.Web.SavedSearches.Matching;

/// <summary>
/// One article as a single-document in-memory index, built from the very document the search
/// index stores, with its analyzer, so a query matches here exactly when it would find the
/// article on the Search page. Reused from article to article; not thread-safe.
/// </summary>
public sealed class ArticleMemory
{
    readonly Analyzer analyzer = SearchIndex.CreateAnalyzer();
    readonly MemoryIndex memory = new(storeOffsets: false);
    readonly HashSet<string> terms = new(StringComparer.Ordinal);
    IndexSearcher? searcher;

    /// <summary>The article's terms as <see cref="Condition.Key"/> keys (numeric fields left out).</summary>
    public IReadOnlySet<string> Terms => terms;

    /// <summary>Loads an article, replacing the previous one.</summary>
    public void Load(IndexedArticle article)
    {
        memory.Reset();
        terms.Clear();
        foreach (var group in SearchIndex.ToDocument(article).Fields.Where(f => f.IndexableFieldType.IsIndexed).GroupBy(f => f.Name))
        {
            // A MemoryIndex takes each field once: several values go in as one stream.
            var values = group.ToList();
            if (values.Count == 1) memory.AddField(group.Key, values[0].GetTokenStream(analyzer));
            else if (values.All(v => !v.IndexableFieldType.IsTokenized)) memory.AddField(group.Key, KeywordStream(values.Select(v => v.GetStringValue())));
            else memory.AddField(group.Key, string.Join("\n", values.Select(v => v.GetStringValue())), analyzer);
        }
        searcher = memory.CreateSearcher();
        var fields = ((AtomicReader)searcher.IndexReader).Fields;
        foreach (var field in fields)
        {
            if (field == PolicyTracker.Web.Search.Fields.Published) continue; // numeric trie terms: ranges are never anchors
            var te = fields.GetTerms(field).GetEnumerator();
            while (te.MoveNext()) terms.Add(Condition.Key(field, te.Term.Utf8ToString()));
        }
    }

    /// <summary>True when <paramref name="query"/> finds the loaded article (by hit, not by score: filters score zero).</summary>
    public bool Matches(Query query)
    {
        hit.Found = false;
        searcher!.Search(query, hit);
        return hit.Found;
    }

    readonly Hit hit = new();

    /// <summary>
    /// Notes whether the one document matched. It takes documents in order only: out-of-order
    /// collection makes Lucene use a bucket scorer that allocates a 2048-entry table per
    /// disjunction, which cost ten times the query itself on a one-document index.
    /// </summary>
    sealed class Hit : ICollector
    {
        public bool Found;
        public bool AcceptsDocsOutOfOrder => false;
        public void Collect(int doc) => Found = true;
        public void SetNextReader(AtomicReaderContext context) { }
        public void SetScorer(Scorer scorer) { }
    }

    static TokenStream KeywordStream(IEnumerable<string> values) => new Keywords([.. values]);

    /// <summary>Each value one token, as a non-tokenized field indexes it.</summary>
    sealed class Keywords : TokenStream
    {
        readonly string[] values;
        readonly Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute term;
        int next;

        public Keywords(string[] values)
        {
            this.values = values;
            term = AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        }

        public override bool IncrementToken()
        {
            if (next >= values.Length) return false;
            ClearAttributes();
            term.SetEmpty().Append(values[next++]);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            next = 0;
        }
    }
}
