using System.Text.Json;
using Lucene.Net.Search;
using PolicyTracker.Evaluation.Provenance;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Search;

namespace PolicyTracker.Evaluation.Search;

/// <summary>
/// Indexes the sample articles in content/ the way the product does and runs the labelled
/// queries through the product's query builder; reports precision@10 and nDCG@10 on the dev
/// and held-out parts (held-out: first byte of SHA-256 of the query id modulo 3 is 0).
/// </summary>
public static class RelevanceEvaluation
{
    public static int Run(string queriesFile, string articlesFolder, TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("policytracker-relevance-").FullName;
        try
        {
            using var index = new SearchIndex(folder);
            var canonical = new CanonicalHtml();
            var files = Directory.EnumerateFiles(articlesFolder, "*.md").Order().ToList();
            for (var i = 0; i < files.Count; i++)
            {
                var draft = MarkdownFile.Read(File.ReadAllText(files[i]));
                var (_, text) = canonical.Clean(ContentFormats.ToHtml(draft.Content, draft.ContentType));
                index.Upsert(new IndexedArticle(i, draft.Title, text, null, draft.SourceName, draft.Author, draft.PublishedAt, DateTime.UtcNow, []));
            }
            index.Refresh(1);

            var queries = JsonSerializer.Deserialize<List<LabelledQuery>>(File.ReadAllText(queriesFile), JsonSerializerOptions.Web)!;
            var scores = new List<(bool HeldOut, double P10, double Ndcg)>();
            foreach (var q in queries)
            {
                List<string> ranked;
                try
                {
                    var (query, _) = SearchService.Build(new SearchRequest(q.Query));
                    ranked = index.Search(s => s.Search(query, 10).ScoreDocs.Select(d => Path.GetFileName(files[int.Parse(s.Doc(d.Doc).Get(Fields.Id))])).ToList());
                }
                catch (QueryError e)
                {
                    output.WriteLine($"  {q.Id}: query error: {e.Message}");
                    ranked = [];
                }
                scores.Add((ProvenanceEvaluation.IsHeldOut(q.Id), PrecisionAt10(ranked, q.Relevant), NdcgAt10(ranked, q.Relevant)));
            }
            foreach (var heldOut in new[] { false, true })
            {
                var part = scores.Where(s => s.HeldOut == heldOut).ToList();
                output.WriteLine($"{(heldOut ? "Held-out" : "Dev")}: {part.Count} queries, precision@10 {part.Average(s => s.P10):0.000}, nDCG@10 {part.Average(s => s.Ndcg):0.000}");
            }
            return 0;
        }
        finally
        {
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    static double PrecisionAt10(List<string> ranked, Dictionary<string, int> relevant) =>
        ranked.Take(10).Count(r => relevant.GetValueOrDefault(r) > 0) / 10.0;

    static double NdcgAt10(List<string> ranked, Dictionary<string, int> relevant)
    {
        static double Dcg(IEnumerable<int> gains) => gains.Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
        var ideal = Dcg(relevant.Values.OrderDescending().Take(10));
        return ideal == 0 ? 0 : Dcg(ranked.Take(10).Select(r => relevant.GetValueOrDefault(r))) / ideal;
    }

    sealed record LabelledQuery(string Id, string Query, Dictionary<string, int> Relevant);
}
