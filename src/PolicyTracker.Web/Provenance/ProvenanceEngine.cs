using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using PolicyTracker.Web.Articles;

namespace PolicyTracker.Web.Provenance;

/// <summary>What the rules look at: the canonical text, the metadata, the source, and what was fetched.</summary>
public sealed record ArticleFacts(
    string Text, string? Author, DateTime? PublishedAt, Credibility? SourceCredibility, bool SourceKnown,
    string? SnapshotHtml = null, IReadOnlyDictionary<string, string>? SnapshotHeaders = null)
{
    /// <summary>UTF-16 ranges of <see cref="Text"/> shown as code (see <see cref="CodeRanges"/>); rules skip them.</summary>
    public IReadOnlyList<(int Start, int End)> CodeRanges { get; init; } = [];
}

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
    // Generous enough that a busy machine never trips it on an honest pattern; a runaway pattern
    // (catastrophic backtracking) takes far longer and is cut off.
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(500);

    [GeneratedRegex(@"^this is\b|\b(this|the following|the above|our|today's)\s+([\w']+\s+){0,2}?(article|story|report|piece|post|content|text|summary|news|item|update|copy|page|newsletter|brief|briefing|column|analysis|digest|write up|writeup|roundup|explainer|feature|recap|bulletin|dispatch|alert|preview|review|profile|guide|transcript|translation|reporting|coverage|version|edition)\b|\bthe translation\b|\bthe\s+([\w']+\s+)?(article|story|report|piece|post|content|text|summary|update|copy|brief|item|bulletin|recap|explainer)\s+(below|above|that follows|you are (reading|about to read)|you're (reading|about to read)|on this page)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SelfReference();

    // A lead-in that makes the sentence the piece's own disclaimer: "Editor's note:", "AI disclosure:", "About this story:".
    [GeneratedRegex(@"^([\w' ]{0,30}\b(note|notice|disclaimer|disclosure|transparency|methodology|ai use|ai policy|how we made this|how this (story|article) was (made|produced|reported)))\s*:|^(about|on) (this|the) (story|article|report|piece|summary)\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex DisclaimerLead();

    // A match with no verb or preposition of its own ("AI-generated", "machine written") is an adjective: it labels whatever noun follows.
    [GeneratedRegex(@"\b(by|with|using|via|through|from|to|was|were|is|are|used|help|helped|assisted with|assisted in)\b", RegexOptions.CultureInvariant)]
    private static partial Regex VerbalLink();

    // A short heading that introduces the piece's own disclaimer in the paragraph under it: "About this story", "AI disclosure".
    [GeneratedRegex(@"^\W*((about|on|how we (made|produced|wrote)) (this|the) (story|article|report|piece|summary|content)|(ai |editor's |editors' |editorial |transparency |production )?(disclosure|disclaimer|note|notice|transparency)( note)?|how this (story|article|report) was (made|produced|written))\W*$", RegexOptions.CultureInvariant)]
    private static partial Regex DisclaimerHeading();

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
        for (var i = 0; i < sentences.Count; i++)
        {
            // A quotation can span sentences: carry its open state from the paragraph's start.
            var paragraphStart = facts.Text.LastIndexOf('\n', Math.Max(0, sentences[i].Start - 1)) + 1;
            var before = facts.Text.AsSpan(paragraphStart, Math.Max(0, sentences[i].Start - paragraphStart));
            forms[i] = forms[i].WithOpenQuote(SentenceText.QuoteMarks(before) % 2 == 1 || IntroducedAsQuote(facts.Text, paragraphStart));
        }
        var disclosures = new List<int>(); // UTF-16 starts of sentences that disclosed AI use
        foreach (var rule in rules.Where(r => r.Enabled))
        {
            if (Compile(rule) is not { } regex) continue;
            for (var i = 0; i < sentences.Count; i++)
            {
                var sentence = sentences[i];
                if (facts.CodeRanges.Any(r => r.Start < sentence.Start + sentence.Length && sentence.Start < r.End)) continue;
                // Advice to verify in a piece that discloses AI use anywhere is about that piece.
                var unverified = rule.Kind == FlagKinds.Unverified;
                if (!Matches(regex, rule, sentence, forms[i], () => (unverified && disclosures.Count > 0)
                        || InDisclaimer(facts.Text, sentence, disclosures) || UnderDisclaimerHeading(facts.Text, sentence))) continue;
                flags.Add(new FlagDraft(rule.Kind, rule.Id, rule.Version, rule.Severity, sentence.Of(facts.Text),
                    Annotations.CodePointText.CodePoint(facts.Text, sentence.Start), Annotations.CodePointText.CodePoint(facts.Text, sentence.Start + sentence.Length)));
                if (rule.Kind is FlagKinds.AiGenerated or FlagKinds.AiAssisted) disclosures.Add(sentence.Start);
                break;
            }
        }
        if (!flags.Any(f => f.Kind is FlagKinds.AiGenerated or FlagKinds.AiAssisted) && BylineDisclosure(facts.Author, rules) is { } byline)
            flags.Add(byline);
        // Two rules quoting the same sentence for the same kind say one thing: keep the first.
        flags = [.. flags.DistinctBy(f => (f.Kind, f.Start, f.End))];
        foreach (var label in MachineLabels.Read(facts.SnapshotHtml, facts.SnapshotHeaders))
        {
            if (!flags.Any(f => f.RuleId == label.RuleId && f.Kind == label.Kind))
                flags.Add(new FlagDraft(label.Kind, label.RuleId, 1, label.Kind == FlagKinds.AiGenerated ? "high" : "warning", Field: label.Field, Value: label.Value));
        }
        if (!flags.Any(f => f.Kind == FlagKinds.Unverified) && Attribution.Unattributed(facts, sentences, forms) is { } claim)
            flags.Add(new FlagDraft(FlagKinds.Unverified, "attribution.none", 1, "warning", claim.Of(facts.Text),
                Annotations.CodePointText.CodePoint(facts.Text, claim.Start), Annotations.CodePointText.CodePoint(facts.Text, claim.Start + claim.Length)));
        flags.AddRange(MetadataFlags(facts));
        // A piece disclosed as AI-generated is not also "assisted": the stronger statement stands.
        if (flags.Any(f => f.Kind == FlagKinds.AiGenerated)) flags.RemoveAll(f => f.Kind == FlagKinds.AiAssisted);
        return flags;
    }

    // A byline is a label on the piece itself ("AI-generated", "Staff, with AI assistance"): any disclosure in it counts.
    FlagDraft? BylineDisclosure(string? author, IReadOnlyList<ProvenanceRule> rules)
    {
        if (string.IsNullOrWhiteSpace(author)) return null;
        var form = SentenceText.From(author);
        foreach (var rule in rules.Where(r => r.Enabled && r.Kind is FlagKinds.AiGenerated or FlagKinds.AiAssisted))
        {
            if (Compile(rule) is not { } regex) continue;
            try
            {
                if (regex.Matches(form.Normalized).Any(m => !form.IsQuoted(m.Index) && !DisclosureContext.Denied(form.Normalized, m.Index, m.Index + m.Length)))
                    return new FlagDraft(rule.Kind, rule.Id, rule.Version, rule.Severity, Field: "author", Value: author);
            }
            catch (RegexMatchTimeoutException)
            {
                // As for sentences: a slow rule is skipped, not waited for.
            }
        }
        return null;
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

    // A paragraph set out after "The notice reads:" is the words being reported, as if in quotation marks.
    static bool IntroducedAsQuote(string text, int paragraphStart)
    {
        if (paragraphStart < 2) return false;
        var previousStart = text.LastIndexOf('\n', paragraphStart - 2) + 1;
        return DisclosureContext.IntroducesQuote(text[previousStart..(paragraphStart - 1)]);
    }

    // A paragraph under a heading such as "About this story" is the piece's disclaimer.
    static bool UnderDisclaimerHeading(string text, Sentence sentence)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, sentence.Start - 1)) + 1;
        var end = start - 1;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        if (end <= 0) return false;
        var headingStart = text.LastIndexOf('\n', end - 1) + 1;
        var heading = text[headingStart..end];
        return heading.Length <= 60 && DisclaimerHeading().IsMatch(SentenceText.From(heading).Normalized);
    }

    // A paragraph that already discloses AI use is the piece's disclaimer: what else it says is about the piece.
    static bool InDisclaimer(string text, Sentence sentence, List<int> disclosures)
    {
        if (disclosures.Count == 0) return false;
        var start = text.LastIndexOf('\n', Math.Max(0, sentence.Start - 1)) + 1;
        var end = text.IndexOf('\n', sentence.Start);
        end = end < 0 ? text.Length : end;
        return disclosures.Any(d => d >= start && d < end);
    }

    static bool Matches(Regex regex, ProvenanceRule rule, Sentence sentence, SentenceText form, Func<bool> inDisclaimer)
    {
        var disclosure = rule.Kind is FlagKinds.AiGenerated or FlagKinds.AiAssisted or FlagKinds.Unverified;
        var text = form.Normalized;
        try
        {
            foreach (Match m in regex.Matches(text))
            {
                // A disclaimer in quotation marks is being reported on, not made.
                if (form.IsQuoted(m.Index)) continue;
                if (!disclosure) return true;
                var self = SelfReference().Match(text);
                var selfAt = self.Success && !form.IsQuoted(self.Index) ? self.Index : -1;
                // Denied, corrected, or shown as someone else's words: not the piece's statement.
                if (DisclosureContext.Denied(text, m.Index, m.Index + m.Length) || DisclosureContext.Mentioned(text, m.Index, selfAt)) continue;
                if (!rule.SelfReferenceOnly) return true;
                // A question ("Was this story written by AI?") asks; a headline asking it is about the subject.
                if (text.TrimEnd('"', '\'', ' ', '*', '_').EndsWith('?')) continue;
                // "AI-generated images flood feeds" is about images; "AI-generated content." labels the piece.
                if (rule.Kind != FlagKinds.Unverified && !VerbalLink().IsMatch(m.Value) && !DisclosureContext.EndsAsLabel(text, m.Index + m.Length)) continue;
                if (DisclaimerLead().IsMatch(text) || inDisclaimer()) return true;
                if (selfAt >= 0 && RefersToPiece(text, self, m)) return true;
                if (rule.Kind is FlagKinds.AiGenerated or FlagKinds.AiAssisted && OpensSentence(form, m.Index)) return true;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A rule that takes too long on this sentence does not hold up the article.
        }
        return false;
    }

    // "This story was written by AI": the self-reference is the phrase's subject, joined by a few
    // auxiliary words, or it follows in the same clause ("AI helped draft this story").
    static bool RefersToPiece(string text, Match self, Match phrase)
    {
        if (self.Index < phrase.Index + phrase.Length && phrase.Index < self.Index + self.Length) return true;
        if (self.Index + self.Length <= phrase.Index) return DisclosureContext.Bridges(text[(self.Index + self.Length)..phrase.Index]);
        var between = text[(phrase.Index + phrase.Length)..self.Index];
        return between.IndexOfAny([',', ';', ':']) < 0 && between.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6;
    }

    // A disclosure that opens its sentence, with no subject of its own ("Written by an AI model.",
    // "AI-generated; may contain errors."), labels the piece it stands in.
    static bool OpensSentence(SentenceText form, int index)
    {
        var before = form.Normalized[..index];
        var colon = before.LastIndexOf(':');
        if (colon >= 0) before = before[(colon + 1)..];
        // Allow a bare noun for the piece in front: "Article generated by AI.", "Report written by an AI model."
        return before.Split([' ', '(', '[', '*', '_'], StringSplitOptions.RemoveEmptyEntries).All(LabelWords.Contains);
    }

    static readonly HashSet<string> LabelWords =
    [
        "article", "story", "report", "summary", "text", "content", "piece", "post", "news", "this", "the", "an", "a",
        "was", "is", "has", "been", "entirely", "fully", "automatically", "wholly", "translation", "brief", "update",
        "recap", "bulletin", "explainer", "copy", "partly", "partially", "largely", "mostly",
    ];


    Regex? Compile(ProvenanceRule rule) => compiled.GetOrAdd((rule.Id, rule.Version), _ =>
        PatternError(rule.Pattern) is null ? new Regex(rule.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout) : null);

    static IEnumerable<FlagDraft> MetadataFlags(ArticleFacts facts)
    {
        if (string.IsNullOrWhiteSpace(facts.Author))
            yield return new FlagDraft(FlagKinds.MissingByline, "metadata.byline", 1, "info", Field: "author", Value: "");
        if (facts.PublishedAt is null)
            yield return new FlagDraft(FlagKinds.MissingDate, "metadata.date", 1, "info", Field: "publishedAt", Value: "");
    }
}
