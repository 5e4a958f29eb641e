using System.Diagnostics;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using PolicyTracker.Benchmarks.Measurement;

namespace PolicyTracker.Benchmarks.Scenarios;

/// <summary>A query of the search benchmark, written the same way for Lucene's classic parser, ours and FTS5.</summary>
public sealed record BenchmarkQuery(string Kind, string Text);

/// <summary>The plain paths the search scenario compares against: a bare IndexSearcher and SQLite FTS5.</summary>
public static partial class SearchBaselines
{
    /// <summary>Term, AND and phrase queries drawn from the documents themselves, so each finds something.</summary>
    public static IReadOnlyList<BenchmarkQuery> QueriesFrom(IReadOnlyList<(string Title, string Body)> documents, int perKind = 60)
    {
        var queries = new List<BenchmarkQuery>();
        var rng = new Random(7);
        while (queries.Count < perKind * 3)
        {
            var words = Word().Matches(documents[rng.Next(documents.Count)].Body).Select(m => m.Value.ToLowerInvariant())
                .Where(w => w.Length > 4 && !EnglishAnalyzer.DefaultStopSet.Contains(w)).ToList();
            if (words.Count < 10) continue;
            var at = rng.Next(words.Count - 1);
            var kind = queries.Count % 3;
            queries.Add(kind switch
            {
                0 => new BenchmarkQuery("term", words[at]),
                1 => new BenchmarkQuery("and", $"{words[at]} AND {words[rng.Next(words.Count)]}"),
                _ => new BenchmarkQuery("phrase", $"\"{words[at]} {words[at + 1]}\""),
            });
        }
        return queries;
    }

    /// <summary>Median and p95 of the classic parser plus IndexSearcher.Search(query, 20) over the same index.</summary>
    public static Stats BareLucene(string indexFolder, IReadOnlyList<BenchmarkQuery> queries, int rounds)
    {
        using var directory = FSDirectory.Open(indexFolder);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
        return Measure.Repeat(queries.Count * rounds, i =>
        {
            var parser = new QueryParser(LuceneVersion.LUCENE_48, "text", analyzer);
            searcher.Search(parser.Parse(queries[i % queries.Count].Text), 20);
        }, warmup: queries.Count);
    }

    /// <summary>Seconds to index the documents with a bare IndexWriter (one commit at the end).</summary>
    public static TimeSpan IndexWithLucene(IReadOnlyList<(string Title, string Body)> documents, string folder)
    {
        var clock = Stopwatch.StartNew();
        using var directory = FSDirectory.Open(folder);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new EnglishAnalyzer(LuceneVersion.LUCENE_48)));
        for (var i = 0; i < documents.Count; i++)
        {
            writer.AddDocument(new Document
            {
                new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                new TextField("title", documents[i].Title, Field.Store.YES),
                new TextField("text", documents[i].Body, Field.Store.NO),
            });
        }
        writer.Commit();
        return clock.Elapsed;
    }

    /// <summary>Indexes the documents into an FTS5 table (one transaction), then times the same queries (top 20 by rank).</summary>
    public static (TimeSpan Indexing, Stats Queries) Fts5(IReadOnlyList<(string Title, string Body)> documents, string file, IReadOnlyList<BenchmarkQuery> queries, int rounds)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'porter unicode61')");
        var clock = Stopwatch.StartNew();
        using (var tx = connection.BeginTransaction())
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO docs (rowid, title, body) VALUES ($id, $title, $body)";
            var (id, title, body) = (insert.Parameters.Add("$id", SqliteType.Integer), insert.Parameters.Add("$title", SqliteType.Text), insert.Parameters.Add("$body", SqliteType.Text));
            for (var i = 0; i < documents.Count; i++)
            {
                (id.Value, title.Value, body.Value) = (i + 1, documents[i].Title, documents[i].Body);
                insert.ExecuteNonQuery();
            }
            tx.Commit();
        }
        var indexing = clock.Elapsed;

        using var select = connection.CreateCommand();
        select.CommandText = "SELECT rowid FROM docs WHERE docs MATCH $q ORDER BY rank LIMIT 20";
        var q = select.Parameters.Add("$q", SqliteType.Text);
        var stats = Measure.Repeat(queries.Count * rounds, i =>
        {
            q.Value = queries[i % queries.Count].Text;
            using var rows = select.ExecuteReader();
            while (rows.Read()) { }
        }, warmup: queries.Count);
        return (indexing, stats);
    }

    static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
