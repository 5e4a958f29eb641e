using System.Text.Json;
using Lucene.Net.Analysis.En;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PolicyTracker.Benchmarks.Servers;

/// <summary>
/// The search scenario's HTTP baseline: a bare Kestrel endpoint over the same index folder that
/// parses the query with Lucene's classic parser, takes IndexSearcher's top 20 and writes their
/// ids and the total as JSON; no facets, snippets, collapsing, database or authentication.
/// </summary>
public static class BareSearchServer
{
    public const string Verb = "bare-search-server";

    /// <summary>Serves <c>/search?q=</c> over the index in <paramref name="indexFolder"/> until killed.</summary>
    public static async Task<int> RunAsync(string indexFolder, int port)
    {
        using var directory = FSDirectory.Open(indexFolder);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
        var app = ChildServer.CreateApp(port);
        app.MapGet("/search", async context =>
        {
            var query = new QueryParser(LuceneVersion.LUCENE_48, "text", analyzer).Parse(context.Request.Query["q"].ToString());
            var top = searcher.Search(query, 20);
            var ids = top.ScoreDocs.Select(d => searcher.Doc(d.Doc).Get("id")).ToArray();
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, new { total = top.TotalHits, ids });
        });
        app.MapGet("/", () => "bare search");
        await app.RunAsync();
        return 0;
    }

    /// <summary>Starts the baseline process over <paramref name="indexFolder"/> (which no other process may be writing).</summary>
    public static Task<(System.Diagnostics.Process Process, Uri Address)> StartAsync(string indexFolder) =>
        ChildServer.StartAsync(Verb, [indexFolder]);
}
