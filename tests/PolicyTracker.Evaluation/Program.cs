using PolicyTracker.Evaluation.Claims;
using PolicyTracker.Evaluation.Annotations;
using PolicyTracker.Evaluation.Extraction;
using PolicyTracker.Evaluation.Feeds;
using PolicyTracker.Evaluation.Provenance;
using PolicyTracker.Evaluation.Search;

// Measurement commands; each prints a report and never fails on a low score.
if (args is ["feeds", var folder])
    return FeedsEvaluation.Run(folder, Console.Out);

if (args is ["extract", var pages, .. var flags])
    return ExtractionEvaluation.Run(pages, Console.Out, flags.Contains("--quiet"));

if (args is ["provenance", .. var rest])
{
    var data = rest.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Path.Combine("tests", "PolicyTracker.Evaluation", "Data", "provenance");
    return ProvenanceEvaluation.Run(data, Path.Combine("content", "provenance-rules.json"), Console.Out, rest.Contains("--show-held-out"));
}

if (args is ["claims", .. var claimArgs])
    return ClaimsEvaluation.Run(claimArgs.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Path.Combine("tests", "PolicyTracker.Evaluation", "Data", "claims"),
        Console.Out, claimArgs.Contains("--show-held-out"));

if (args is ["relevance", .. var more])
    return RelevanceEvaluation.Run(more.FirstOrDefault() ?? Path.Combine("tests", "PolicyTracker.Evaluation", "Data", "search", "queries.json"),
        Path.Combine("content", "articles"), Console.Out);

if (args is ["annotations", var testsFolder])
    return await AnnotationsEvaluation.RunAsync(testsFolder, Directory.GetCurrentDirectory(), Console.Out);
if (args is ["clusters", .. var pairs])
    return PolicyTracker.Evaluation.Stories.ClusterEvaluation.Run(pairs.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))
        ?? Path.Combine("tests", "PolicyTracker.Evaluation", "Data", "clusters"), Console.Out, pairs.Contains("--show-held-out"));

if (args is ["entities", .. var ents])
    return PolicyTracker.Evaluation.Entities.EntityEvaluation.Run(ents.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))
        ?? Path.Combine("tests", "PolicyTracker.Evaluation", "Data", "entities"), Path.Combine("content", "entities.json"), Console.Out, ents.Contains("--show-held-out"));

Console.Error.WriteLine("""
    usage: dotnet run --project tests/PolicyTracker.Evaluation -- <command>
      extract <corpus-folder> [--quiet]     page extraction (ours and SmartReader) against Readability's test pages
      feeds <corpus-folder>                 feed parser against feedparser's expectations
      provenance [data-folder] [--show-held-out]
                                            provenance flags: precision and recall per kind, tuning and held-out
      claims [data-folder] [--show-held-out]  candidate claims: precision and recall by sentence, dev and held-out
      annotations <web-annotation-tests>    our Web Annotation JSON-LD against the W3C model schemas (all MUSTs must hold)
      clusters [data-folder] [--show-held-out]
                                            story clusters: precision and recall of "same story", dev and held-out
      entities [data-folder] [--show-held-out]
                                            entities: precision and recall per type (spans, and names by article), dev and held-out
      relevance [queries.json]              search: precision@10 and nDCG@10 over the sample articles, dev and held-out
    """);
return 2;
