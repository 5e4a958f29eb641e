using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PolicyTracker.Web.Search;

/// <summary>
/// Counts, for every matching document, the values of some SortedSetDocValues fields (the
/// facets), and gathers the publication time for the timeline, from the segments' decoded
/// <see cref="SegmentFacets"/>. Counts are kept per segment ordinal and named once at the end.
/// Grouped by story, a value counts each story once, as collapsed results show them; an article
/// alone is its own story, and a story's first match is counted without any lookup.
/// </summary>
public sealed class FacetCollector(IReadOnlyList<string> fields, bool withTimes, bool groupByStory = false) : ICollector
{
    /// <summary>A story matched this often grows a set of its values instead of comparing with each earlier match.</summary>
    const int StorySetAfter = 8;

    readonly Dictionary<string, Dictionary<string, int>> counts = fields.ToDictionary(f => f, _ => new Dictionary<string, int>());
    readonly List<Segment> segments = [];
    // Matches of each story, chained through 'chain' (newest first), so a value counts once per story.
    readonly Dictionary<long, StoryEntry> stories = [];
    readonly List<(int Segment, int Doc, int Next)> chain = [];
    int alone;
    Segment? current;
    long[]? storyNumbers;
    long[]? times;
    bool counted;

    sealed record Segment(FieldOrdinals?[] Fields, int[][] OrdCounts);

    struct StoryEntry
    {
        public int Count;
        public int Head;
        public HashSet<(int Field, string Value)>? Seen;
    }

    /// <summary>Publication ticks of every matching document (when asked for).</summary>
    public List<long> Times { get; } = [];

    /// <summary>How many documents matched.</summary>
    public int Matches { get; private set; }

    /// <summary>How many stories the matches tell (when grouping by story).</summary>
    public int Stories => alone + stories.Count;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        var facets = SegmentFacets.Of(context.AtomicReader);
        var perField = new FieldOrdinals?[fields.Count];
        var ordCounts = new int[fields.Count][];
        for (var i = 0; i < fields.Count; i++)
        {
            perField[i] = facets.Field(context.AtomicReader, fields[i]);
            ordCounts[i] = new int[perField[i]?.Names.Length ?? 0];
        }
        segments.Add(current = new Segment(perField, ordCounts));
        times = withTimes ? facets.Times(context.AtomicReader) : null;
        storyNumbers = groupByStory ? facets.Stories(context.AtomicReader) : null;
    }

    public void Collect(int doc)
    {
        Matches++;
        var story = storyNumbers?[doc] ?? 0;
        if (story <= 0)
        {
            if (groupByStory) alone++;
            CountAll(doc);
        }
        else
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(stories, story, out var known);
            if (!known)
            {
                entry.Head = -1;
                CountAll(doc);
            }
            else CountNew(doc, ref entry);
            chain.Add((segments.Count - 1, doc, entry.Head));
            entry.Head = chain.Count - 1;
            entry.Count++;
        }
        if (times is not null) Times.Add(times[doc]);
    }

    void CountAll(int doc)
    {
        var (perField, ordCounts) = current!;
        for (var i = 0; i < perField.Length; i++)
        {
            if (perField[i] is not { } field) continue;
            for (int k = field.Starts[doc], end = field.Starts[doc + 1]; k < end; k++) ordCounts[i][field.Ords[k]]++;
        }
    }

    // Counts only the values no earlier match of the same story had.
    void CountNew(int doc, ref StoryEntry entry)
    {
        var (perField, ordCounts) = current!;
        if (entry.Seen is null && entry.Count >= StorySetAfter)
        {
            entry.Seen = [];
            for (var at = entry.Head; at >= 0; at = chain[at].Next)
            {
                var (seg, earlier, _) = chain[at];
                var earlierFields = segments[seg].Fields;
                for (var i = 0; i < earlierFields.Length; i++)
                {
                    if (earlierFields[i] is not { } f) continue;
                    for (int k = f.Starts[earlier], end = f.Starts[earlier + 1]; k < end; k++) entry.Seen.Add((i, f.Names[f.Ords[k]]));
                }
            }
        }
        for (var i = 0; i < perField.Length; i++)
        {
            if (perField[i] is not { } field) continue;
            for (int k = field.Starts[doc], end = field.Starts[doc + 1]; k < end; k++)
            {
                var ord = field.Ords[k];
                var isNew = entry.Seen is { } seen ? seen.Add((i, field.Names[ord])) : !SeenBefore(i, field, ord, entry.Head);
                if (isNew) ordCounts[i][ord]++;
            }
        }
    }

    bool SeenBefore(int i, FieldOrdinals field, int ord, int head)
    {
        var mine = segments.Count - 1;
        for (var at = head; at >= 0; at = chain[at].Next)
        {
            var (seg, earlier, _) = chain[at];
            if (segments[seg].Fields[i] is not { } f) continue;
            for (int k = f.Starts[earlier], end = f.Starts[earlier + 1]; k < end; k++)
            {
                // Within one segment ordinals identify values; across segments only names do.
                if (seg == mine ? f.Ords[k] == ord : string.Equals(f.Names[f.Ords[k]], field.Names[ord], StringComparison.Ordinal)) return true;
            }
        }
        return false;
    }

    /// <summary>The counts of one facet, largest first.</summary>
    public IReadOnlyList<FacetValue> Top(string field, int limit)
    {
        Count();
        return [.. counts[field].OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(limit).Select(kv => new FacetValue(kv.Key, kv.Value))];
    }

    /// <summary>How many matches belong to the story with this cluster id.</summary>
    public int StorySize(long story) => stories.TryGetValue(story, out var entry) ? entry.Count : 0;

    // Names the per-segment counts once the search is over.
    void Count()
    {
        if (counted) return;
        counted = true;
        foreach (var (perField, ordCounts) in segments)
        {
            for (var i = 0; i < perField.Length; i++)
            {
                if (perField[i] is not { } field) continue;
                var byValue = counts[fields[i]];
                for (var ord = 0; ord < ordCounts[i].Length; ord++)
                    if (ordCounts[i][ord] > 0) CollectionsMarshal.GetValueRefOrAddDefault(byValue, field.Names[ord], out _) += ordCounts[i][ord];
            }
        }
    }
}

/// <summary>One value of a facet and how many results have it.</summary>
public sealed record FacetValue(string Value, int Count);
