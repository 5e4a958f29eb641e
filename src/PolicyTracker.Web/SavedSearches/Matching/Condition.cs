using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PolicyTracker.Web.SavedSearches.Matching;

/// <summary>
/// A necessary condition on an article's terms for a query to match: never false when the
/// query matches, and far cheaper to test than the query. Its anchors are terms of which at
/// least one must be in the article, which is how a query becomes a candidate at all.
/// </summary>
public abstract class Condition
{
    /// <summary>Holds for every article; such queries are candidates for every article.</summary>
    public static readonly Condition Always = new AlwaysCondition();

    /// <summary>False only when the query cannot match an article with these terms.</summary>
    public abstract bool Holds(IReadOnlySet<string> terms);

    /// <summary>
    /// True when <see cref="Holds"/> is not only necessary but also sufficient: the query is made
    /// of single terms joined by boolean logic, so its term test is its answer and it need not run.
    /// </summary>
    public bool Exact { get; private init; }

    /// <summary>Terms of which one must be present for a match, or null when there is no such set.</summary>
    public abstract IReadOnlyCollection<string>? Anchors(Func<string, double> cost);

    /// <summary>The key under which an article's term is looked up.</summary>
    public static string Key(string field, string text) => string.Concat(field, "\u001f", text);

    /// <summary>The condition a query implies, as the presearcher of a query monitor derives it.</summary>
    public static Condition Of(Query query) => query switch
    {
        TermQuery t => new AnyTerm([Key(t.Term.Field, t.Term.Text)]) { Exact = true },
        PhraseQuery p => Combine([.. p.GetTerms().Select(t => (Condition)new AnyTerm([Key(t.Field, t.Text)]))]),
        BooleanQuery b => OfBoolean(b),
        ConstantScoreQuery { Query: { } inner } => Of(inner),
        DisjunctionMaxQuery d => Disjunction([.. d.Disjuncts.Select(Of)]),
        // Ranges, wildcards, prefixes, match-all: no term is certain, so always a candidate.
        _ => Always,
    };

    static Condition OfBoolean(BooleanQuery b)
    {
        var must = b.Clauses.Where(c => c.Occur == Occur.MUST).Select(c => Of(c.Query)).ToList();
        var should = b.Clauses.Where(c => c.Occur == Occur.SHOULD).Select(c => Of(c.Query)).ToList();
        var not = b.Clauses.Where(c => c.Occur == Occur.MUST_NOT).Select(c => Of(c.Query)).ToList();
        // Only prohibited clauses: Lucene matches nothing, and running the query says so.
        if (must.Count == 0 && should.Count == 0) return Always;
        // Without required clauses at least one optional clause must match; with them, only the minimum
        // (optional clauses beyond it change the score, not whether the article matches).
        var needed = must.Count == 0 ? Math.Max(1, b.MinimumNumberShouldMatch) : b.MinimumNumberShouldMatch;
        if (needed > should.Count) return Never();
        var parts = new List<Condition>(must);
        if (needed > 0) parts.Add(should.Count == 1 ? should[0] : new AtLeast([.. should], needed) { Exact = should.All(c => c.Exact) });
        // A prohibited clause is tested only when its own test is exact; otherwise the query decides.
        parts.AddRange(not.Where(n => n.Exact).Select(n => new NoneOf(n) { Exact = true }));
        var combined = Combine(parts);
        return not.All(n => n.Exact) ? combined : Inexact(combined);
    }

    static Condition Disjunction(Condition[] parts) => new AtLeast(parts, 1) { Exact = parts.All(p => p.Exact) };

    static Condition Combine(List<Condition> parts)
    {
        // Always is no test but also no answer: a condition that drops one is no longer exact.
        var dropped = parts.RemoveAll(p => ReferenceEquals(p, Always)) > 0;
        if (parts.Count == 0) return Always;
        var combined = parts.Count == 1 ? parts[0] : new AllOf([.. parts]) { Exact = parts.All(p => p.Exact) };
        return dropped ? Inexact(combined) : combined;
    }

    static Condition Inexact(Condition c) => c.Exact ? new AllOf([c]) : c;

    static Condition Never() => new AtLeast([], 1) { Exact = true };

    /// <summary>None of an exact condition's terms may be there (a prohibited clause).</summary>
    sealed class NoneOf(Condition inner) : Condition
    {
        public override bool Holds(IReadOnlySet<string> terms) => !inner.Holds(terms);
        public override IReadOnlyCollection<string>? Anchors(Func<string, double> cost) => null;
    }

    sealed class AlwaysCondition : Condition
    {
        public override bool Holds(IReadOnlySet<string> terms) => true;
        public override IReadOnlyCollection<string>? Anchors(Func<string, double> cost) => null;
    }

    sealed class AnyTerm(string[] keys) : Condition
    {
        public override bool Holds(IReadOnlySet<string> terms)
        {
            foreach (var k in keys) if (terms.Contains(k)) return true;
            return false;
        }

        public override IReadOnlyCollection<string>? Anchors(Func<string, double> cost) => keys;
    }

    /// <summary>Every part must hold; one part's anchors suffice, the cheapest (rarest) one.</summary>
    sealed class AllOf(Condition[] parts) : Condition
    {
        public override bool Holds(IReadOnlySet<string> terms)
        {
            foreach (var p in parts) if (!p.Holds(terms)) return false;
            return true;
        }

        public override IReadOnlyCollection<string>? Anchors(Func<string, double> cost) =>
            parts.Select(p => p.Anchors(cost)).OfType<IReadOnlyCollection<string>>().MinBy(a => a.Sum(cost));
    }

    /// <summary>
    /// At least <c>k</c> of the parts must hold, so among any <c>n - k + 1</c> parts one holds:
    /// the anchors of the cheapest such parts are enough.
    /// </summary>
    sealed class AtLeast(Condition[] parts, int k) : Condition
    {

        public override bool Holds(IReadOnlySet<string> terms)
        {
            var found = 0;
            foreach (var p in parts) if (p.Holds(terms) && ++found >= k) return true;
            return false;
        }

        public override IReadOnlyCollection<string>? Anchors(Func<string, double> cost)
        {
            if (parts.Length == 0) return [];
            var needed = parts.Length - k + 1;
            var anchored = parts.Select(p => p.Anchors(cost)).OfType<IReadOnlyCollection<string>>().OrderBy(a => a.Sum(cost)).ToList();
            if (needed <= 0 || anchored.Count < needed) return null;
            return [.. anchored.Take(needed).SelectMany(a => a).Distinct()];
        }
    }
}
