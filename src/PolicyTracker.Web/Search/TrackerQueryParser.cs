using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace PolicyTracker.Web.Search;

/// <summary>
/// The query language: free text over title (boosted) and text, "phrases", AND/OR/NOT and
/// parentheses, wildcards, and the fields title:, author:, source:, flag:, entity:, cluster: and
/// published:[2026-01-01 TO 2026-06-30].
/// </summary>
public sealed class TrackerQueryParser : MultiFieldQueryParser
{
    static readonly Dictionary<string, float> Boosts = new() { [Fields.Title] = 3f, [Fields.Text] = 1f };

    public TrackerQueryParser(Analyzer analyzer)
        : base(SearchIndex.Version, [Fields.Title, Fields.Text], analyzer, Boosts)
    {
        DefaultOperator = Operator.OR;
        AllowLeadingWildcard = false;
    }

    /// <summary>The parsed query; throws <see cref="QueryError"/> with a message pointing at the problem.</summary>
    public static Query ParseQuery(string text, Analyzer analyzer)
    {
        try
        {
            var query = new TrackerQueryParser(analyzer).Parse(text);
            if (query is BooleanQuery top && !HasOperators(text)) Shape(top);
            return query;
        }
        catch (ParseException e)
        {
            throw new QueryError(Explain(e.Message));
        }
    }

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
    {
        if (field != Fields.Published) return base.GetRangeQuery(field, part1, part2, startInclusive, endInclusive);
        long? from = part1 == "*" ? null : Day(part1).Ticks;
        long? to = part2 == "*" ? null : Day(part2).AddDays(1).Ticks - 1; // the whole end day
        return NumericRangeQuery.NewInt64Range(Fields.Published, from, to, startInclusive, true);
    }

    protected override Query GetFieldQuery(string field, string queryText, bool quoted)
    {
        // Keyword fields match the whole value, whatever its case.
        if (field is Fields.Source or Fields.Flag or Fields.Entity or Fields.Cluster or Fields.ClaimStatus or Fields.Tag) return new TermQuery(new Lucene.Net.Index.Term(field, queryText.Trim().ToLowerInvariant()));
        return base.GetFieldQuery(field, queryText, quoted);
    }

    /// <summary>
    /// Without explicit operators: field conditions (source:, published:[…], title:…) are required;
    /// plain words may be missing, but most must match (all of them when a condition narrows the
    /// search and there are one or two), so a long natural question still finds articles while
    /// ranking rewards matching more words.
    /// </summary>
    static void Shape(BooleanQuery top)
    {
        // A single word or phrase arrives as (title:w OR text:w) itself: nothing to shape.
        if (IsWord(top)) return;
        // Words in the default fields arrive as (title:w OR text:w); a field condition does not.
        foreach (var clause in top.Clauses.Where(c => !IsWord(c.Query))) clause.Occur = Occur.MUST;
        var words = top.Clauses.Count(c => c.Occur == Occur.SHOULD);
        var narrowed = top.Clauses.Any(c => c.Occur == Occur.MUST);
        top.MinimumNumberShouldMatch = words > 2 ? (int)Math.Ceiling(words * 0.6) : narrowed ? words : 0;
    }

    static bool IsWord(Query q) =>
        q is BooleanQuery b && b.Clauses.Count > 0 && b.Clauses.All(c => c.Occur == Occur.SHOULD && c.Query is not BooleanQuery && DefaultField(c.Query))
        || q is BooleanQuery { Clauses.Count: 1 } single && single.Clauses[0].Query is BooleanQuery inner && DefaultField(inner);

    static bool DefaultField(Query q) => q switch
    {
        TermQuery t => t.Term.Field is Fields.Title or Fields.Text,
        PhraseQuery p => p.GetTerms().FirstOrDefault()?.Field is Fields.Title or Fields.Text,
        MultiTermQuery m => m.Field is Fields.Title or Fields.Text,
        BooleanQuery inner => inner.Clauses.All(c => c.Query is not BooleanQuery && DefaultField(c.Query)),
        _ => false,
    };

    // An explicit OR, AND, NOT, +, - or parenthesis means the person wrote the logic themselves.
    static bool HasOperators(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"\b(AND|OR|NOT)\b|[()+]|(^|\s)-");

    static DateTime Day(string text) =>
        DateTime.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM", "yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d)
            ? d
            : throw new QueryError($"'{text}' is not a date; write dates as 2026-01-31.");

    static string Explain(string message)
    {
        // Lucene says "Cannot parse '...': Encountered ... at line 1, column 7."; keep the useful part.
        var at = message.IndexOf("Encountered", StringComparison.Ordinal);
        var detail = at >= 0 ? message[at..].Split('\n')[0].Trim() : message.Split('\n')[0];
        return $"The query could not be read: {detail} Check quotes, parentheses and AND/OR/NOT.";
    }
}

/// <summary>A query a person typed that cannot be run, with a message saying why.</summary>
public sealed class QueryError(string message) : Exception(message);
