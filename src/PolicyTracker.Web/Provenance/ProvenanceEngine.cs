using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using PolicyTracker.Web.Articles;

namespace PolicyTracker.Web.Provenance;

/// <summary>What the rules look at: the canonical text, the metadata, the source, and what was fetched.</summary>
public sealed record ArticleFacts(
    string Text, string? Author, DateTime? PublishedAt, Credibility? SourceCredibility, bool SourceKnown,
    string? SnapshotHtml = null, IReadOnlyDictionary<string, string>? SnapshotHeaders = null);

/// <summary>A flag as the engine raises it, before it is stored.</summary>
public sealed record FlagDraft(string Kind, string RuleId, int RuleVersion, string Severity,
    string? Exact = null, int? Start = null, int? End = null, string? Field = null, string? Value = null);

/// <summary>
/// Raises provenance flags from an article's facts: phrase and pattern rules over its sentences
/// (data, in the database), machine-readable labels in what was fetched, source credibility, and
/// missing metadata. Every flag carries its rule and its evidence. Pure: no I/O, safe in parallel.
/// </summary>
public sealed partial class ProvenanceEngine
{
    /// <summary>Longest time one rule may spend on one sentence.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(50);

    [GeneratedRegex(@"\b(this|the following|the above|our|today's)\s+(article|story|report|piece|post|content|text|summary|news|item|update|copy|page|newsletter|brief|column|analysis|digest|write up|roundup|explainer|feature)\b|^(note|disclaimer|disclosure|editor's note|editors note|transparency note|ai disclosure)\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex SelfReference();

    readonly ConcurrentDictionary<(string, int), Regex?> compiled = new();

    /// <summary>Checks that a pattern compiles; returns the error message otherwise.</summary>
    public static string? PatternError(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    /// <summary>Every flag the rules raise for the article (at most one per rule).</summary>
    public IReadOnlyList<FlagDraft> Evaluate(ArticleFacts facts, IReadOnlyList<ProvenanceRule> rules) =>
        [.. EvaluateContent(facts, rules), .. SourceFlags(facts.SourceCredibility, facts.SourceKnown)];

    /// <summary>The flags that depend on the article alone (text, labels, metadata), not on its source.</summary>
    public IReadOnlyList<FlagDraft> EvaluateContent(ArticleFacts facts, IReadOnlyList<ProvenanceRule> rules)
    {
        var flags = new List<FlagDraft>();
        var sentences = Sentences.Split(facts.Text);
        var forms = sentences.Select(s => SentenceText.From(s.Of(facts.Text))).ToList();
        foreach (var rule in rules.Where(r => r.Enabled))
        {
            if (Compile(rule) is not { } regex) continue;
            for (var i = 0; i < sentences.Count; i++)
            {
                if (!Matches(regex, rule, sentences[i], forms[i])) continue;
                var s = sentences[i];
                flags.Add(new FlagDraft(rule.Kind, rule.Id, rule.Version, rule.Severity, s.Of(facts.Text),
                    CodePoints.Offset(facts.Text, s.Start), CodePoints.Offset(facts.Text, s.Start + s.Length)));
                break;
            }
        }
        foreach (var label in MachineLabels.Read(facts.SnapshotHtml, facts.SnapshotHeaders))
        {
            if (!flags.Any(f => f.RuleId == label.RuleId && f.Kind == label.Kind))
                flags.Add(new FlagDraft(label.Kind, label.RuleId, 1, label.Kind == FlagKinds.AiGenerated ? "high" : "warning", Field: label.Field, Value: label.Value));
        }
        flags.AddRange(MetadataFlags(facts));
        return flags;
    }

    /// <summary>unknown-source for outlets editors have not rated, low-credibility-source for poor ratings.</summary>
    public static IEnumerable<FlagDraft> SourceFlags(Credibility? credibility, bool known)
    {
        if (!known)
            yield return new FlagDraft(FlagKinds.UnknownSource, "source.unknown", 1, "warning", Field: "source", Value: "not rated by editors");
        if (credibility is Credibility.NotCredible)
            yield return new FlagDraft(FlagKinds.LowCredibilitySource, "source.credibility", 1, "high", Field: "source.credibility", Value: "not_credible");
        else if (credibility is Credibility.SlightlyCredible)
            yield return new FlagDraft(FlagKinds.LowCredibilitySource, "source.credibility", 1, "warning", Field: "source.credibility", Value: "slightly_credible");
    }

    static bool Matches(Regex regex, ProvenanceRule rule, Sentence sentence, SentenceText form)
    {
        try
        {
            foreach (Match m in regex.Matches(form.Normalized))
            {
                // A disclaimer in quotation marks is being reported on, not made.
                if (form.IsQuoted(m.Index)) continue;
                if (!rule.SelfReferenceOnly) return true;
                var self = SelfReference().Match(form.Normalized);
                if ((self.Success && !form.IsQuoted(self.Index)) || IsStandaloneLabel(sentence, form)) return true;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A rule that takes too long on this sentence does not hold up the article.
        }
        return false;
    }

    // A short paragraph of its own ("AI-generated content. Verify independently.") is a label, not prose.
    static bool IsStandaloneLabel(Sentence sentence, SentenceText form) =>
        sentence.WholeParagraph && form.Normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 14;

    Regex? Compile(ProvenanceRule rule) => compiled.GetOrAdd((rule.Id, rule.Version), _ =>
        PatternError(rule.Pattern) is null ? new Regex(rule.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout) : null);

    static IEnumerable<FlagDraft> MetadataFlags(ArticleFacts facts)
    {
        if (string.IsNullOrWhiteSpace(facts.Author))
            yield return new FlagDraft(FlagKinds.MissingByline, "metadata.byline", 1, "info", Field: "author", Value: "");
        if (facts.PublishedAt is null)
            yield return new FlagDraft(FlagKinds.MissingDate, "metadata.date", 1, "info", Field: "publishedAt", Value: "");
    }
}
