using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PolicyTracker.Web.Search;

/// <summary>
/// Counts, for every matching document, the values of some SortedSetDocValues fields (the
/// facets), and gathers the publication time for the timeline. Counts are kept per segment
/// ordinal and resolved to strings once per segment. Grouped by story, a value counts each
/// story once, as collapsed results show them; an article alone is its own story.
/// </summary>
public sealed class FacetCollector(IReadOnlyList<string> fields, bool withTimes, bool groupByStory = false) : ICollector
{
    readonly Dictionary<string, Dictionary<string, int>> counts = fields.ToDictionary(f => f, _ => new Dictionary<string, int>());
    readonly SortedSetDocValues?[] values = new SortedSetDocValues?[fields.Count];
    readonly int[][] ordCounts = new int[fields.Count][];
    // Values of clustered matches, counted once per (value, story): by segment ordinal, then by name.
    readonly HashSet<(int Field, long Ord, long Story)> segmentGrouped = [];
    readonly HashSet<(int Field, string Value, long Story)> grouped = [];
    readonly Dictionary<long, int> storySizes = [];
    int alone;
    NumericDocValues? stories;
    NumericDocValues? times;
    bool collected; // since the last flush

    /// <summary>Publication ticks of every matching document (when asked for).</summary>
    public List<long> Times { get; } = [];

    /// <summary>How many documents matched.</summary>
    public int Matches { get; private set; }

    /// <summary>How many stories the matches tell (when grouping by story).</summary>
    public int Stories => alone + storySizes.Count;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var i = 0; i < fields.Count; i++)
        {
            values[i] = context.AtomicReader.GetSortedSetDocValues(fields[i]);
            ordCounts[i] = new int[values[i]?.ValueCount ?? 0];
        }
        times = withTimes ? context.AtomicReader.GetNumericDocValues(Fields.PublishedSort) : null;
        stories = groupByStory ? context.AtomicReader.GetNumericDocValues(Fields.StoryNumber) : null;
    }

    public void Collect(int doc)
    {
        Matches++;
        collected = true;
        var story = stories?.Get(doc) ?? 0;
        if (groupByStory)
        {
            if (story > 0) CollectionsMarshal.GetValueRefOrAddDefault(storySizes, story, out _)++;
            else alone++;
        }
        for (var i = 0; i < fields.Count; i++)
        {
            if (values[i] is not { } dv) continue;
            dv.SetDocument(doc);
            for (var ord = dv.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = dv.NextOrd())
            {
                if (story > 0) segmentGrouped.Add((i, ord, story));
                else ordCounts[i][ord]++;
            }
        }
        if (times is not null) Times.Add(times.Get(doc));
    }

    /// <summary>The counts of one facet, largest first.</summary>
    public IReadOnlyList<FacetValue> Top(string field, int limit)
    {
        Flush();
        return [.. counts[field].OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(limit).Select(kv => new FacetValue(kv.Key, kv.Value))];
    }

    /// <summary>How many matches belong to the story with this cluster id.</summary>
    public int StorySize(long story) => storySizes.GetValueOrDefault(story);

    // Turns this segment's counts into counts by value. Cheap when nothing new was collected, so
    // the accessors can call it freely.
    void Flush()
    {
        if (!collected) return;
        collected = false;
        var scratch = new BytesRef();
        var names = new Dictionary<(int, long), string>();
        foreach (var (i, ord, story) in segmentGrouped)
        {
            ref var name = ref CollectionsMarshal.GetValueRefOrAddDefault(names, (i, ord), out var known);
            if (!known)
            {
                values[i]!.LookupOrd(ord, scratch);
                name = scratch.Utf8ToString();
            }
            if (grouped.Add((i, name!, story))) Increment(fields[i], name!, 1);
        }
        segmentGrouped.Clear();
        for (var i = 0; i < fields.Count; i++)
        {
            if (values[i] is not { } dv) continue;
            var perOrd = ordCounts[i];
            for (var ord = 0; ord < perOrd.Length; ord++)
            {
                if (perOrd[ord] == 0) continue;
                dv.LookupOrd(ord, scratch);
                Increment(fields[i], scratch.Utf8ToString(), perOrd[ord]);
                perOrd[ord] = 0;
            }
        }
    }

    void Increment(string field, string value, int by) => CollectionsMarshal.GetValueRefOrAddDefault(counts[field], value, out _) += by;
}

/// <summary>One value of a facet and how many results have it.</summary>
public sealed record FacetValue(string Value, int Count);
