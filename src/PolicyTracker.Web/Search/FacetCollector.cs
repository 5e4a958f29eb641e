using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PolicyTracker.Web.Search;

/// <summary>
/// Counts, for every matching document, the values of some SortedSetDocValues fields (the
/// facets), and gathers the publication time for the timeline, from the segments' decoded
/// <see cref="SegmentFacets"/>. Values carry process-wide numbers, so every segment counts into
/// one array per field and only the values shown are named. Grouped by story, a value counts
/// each story once, as collapsed results show them; an article alone is its own story, and a
/// story's first match is counted without any comparison. Dispose it to return its arrays.
/// </summary>
public sealed class FacetCollector : ICollector, IDisposable
{
    /// <summary>A story matched this often grows a set of its values instead of comparing with each earlier match.</summary>
    const int StorySetAfter = 8;

    readonly IReadOnlyList<string> fields;
    readonly bool withTimes;
    readonly bool groupByStory;
    readonly int[][] counts;
    readonly List<FieldOrdinals?[]> segments = [];
    // Matches of each story, chained through 'chain' (newest first), so a value counts once per story.
    StoryEntry[] stories = [];
    readonly List<int> touched = [];
    readonly List<(int Segment, int Doc, int Next)> chain = [];
    readonly List<HashSet<long>> seenSets = [];
    int alone;
    FieldOrdinals?[] current = [];
    int[]? storySlots;
    long[]? times;

    struct StoryEntry
    {
        public int Count;
        public int Head;
        public int SeenSet; // 1 + index into seenSets once the story has a set of its values
    }

    public FacetCollector(IReadOnlyList<string> fields, bool withTimes, bool groupByStory = false)
    {
        this.fields = fields;
        this.withTimes = withTimes;
        this.groupByStory = groupByStory;
        counts = new int[fields.Count][];
        for (var i = 0; i < fields.Count; i++) counts[i] = Rent(FacetValues.Of(fields[i]).Count);
        // Only this type rents StoryEntry arrays, and it returns them cleared, so a rented one is clean.
        if (groupByStory) stories = ArrayPool<StoryEntry>.Shared.Rent(Math.Max(StorySlots.Count, 16));
    }

    /// <summary>Publication ticks of every matching document (when asked for).</summary>
    public List<long> Times { get; } = [];

    /// <summary>How many documents matched.</summary>
    public int Matches { get; private set; }

    /// <summary>How many stories the matches tell (when grouping by story).</summary>
    public int Stories => alone + touched.Count;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        var reader = context.AtomicReader;
        var facets = SegmentFacets.Of(reader);
        current = new FieldOrdinals?[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            current[i] = facets.Field(reader, fields[i]);
            // A segment decoded after this search began may bring numbers beyond the arrays rented for it.
            var needed = FacetValues.Of(fields[i]).Count;
            if (counts[i].Length < needed) counts[i] = Grow(counts[i], needed);
        }
        segments.Add(current);
        times = withTimes ? facets.Times(reader) : null;
        storySlots = groupByStory ? facets.StorySlotsOf(reader) : null;
        if (storySlots is not null && stories.Length < StorySlots.Count)
        {
            var grown = ArrayPool<StoryEntry>.Shared.Rent(StorySlots.Count);
            Array.Copy(stories, grown, stories.Length);
            Array.Clear(stories);
            ArrayPool<StoryEntry>.Shared.Return(stories);
            stories = grown;
        }
    }

    public void Collect(int doc)
    {
        Matches++;
        var slot = storySlots?[doc] ?? -1;
        if (slot < 0)
        {
            if (groupByStory) alone++;
            CountAll(doc);
        }
        else
        {
            ref var entry = ref stories[slot];
            if (entry.Count == 0)
            {
                touched.Add(slot);
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
        for (var i = 0; i < current.Length; i++)
        {
            if (current[i] is not { } field) continue;
            var fieldCounts = counts[i];
            for (int k = field.Starts[doc], end = field.Starts[doc + 1]; k < end; k++) fieldCounts[field.Values[k]]++;
        }
    }

    // Counts only the values no earlier match of the same story had.
    void CountNew(int doc, ref StoryEntry entry)
    {
        if (entry.SeenSet == 0 && entry.Count >= StorySetAfter)
        {
            var set = new HashSet<long>();
            for (var at = entry.Head; at >= 0; at = chain[at].Next)
            {
                var (seg, earlier, _) = chain[at];
                var earlierFields = segments[seg];
                for (var i = 0; i < earlierFields.Length; i++)
                {
                    if (earlierFields[i] is not { } f) continue;
                    for (int k = f.Starts[earlier], end = f.Starts[earlier + 1]; k < end; k++) set.Add(Key(i, f.Values[k]));
                }
            }
            seenSets.Add(set);
            entry.SeenSet = seenSets.Count;
        }
        var seen = entry.SeenSet > 0 ? seenSets[entry.SeenSet - 1] : null;
        for (var i = 0; i < current.Length; i++)
        {
            if (current[i] is not { } field) continue;
            for (int k = field.Starts[doc], end = field.Starts[doc + 1]; k < end; k++)
            {
                var value = field.Values[k];
                var isNew = seen is not null ? seen.Add(Key(i, value)) : !SeenBefore(i, value, entry.Head);
                if (isNew) counts[i][value]++;
            }
        }
    }

    static long Key(int field, int value) => ((long)field << 32) | (uint)value;

    bool SeenBefore(int i, int value, int head)
    {
        for (var at = head; at >= 0; at = chain[at].Next)
        {
            var (seg, earlier, _) = chain[at];
            if (segments[seg][i] is not { } f) continue;
            for (int k = f.Starts[earlier], end = f.Starts[earlier + 1]; k < end; k++)
                if (f.Values[k] == value) return true;
        }
        return false;
    }

    /// <summary>The counts of one facet, largest first (ties by value), at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<FacetValue> Top(string field, int limit)
    {
        if (limit <= 0) return [];
        var i = IndexOf(field);
        var numbering = FacetValues.Of(field);
        var fieldCounts = counts[i];
        // The smallest kept value on top, so a larger one replaces it: only the values shown are named and sorted.
        var best = new PriorityQueue<FacetValue, FacetValue>(limit + 1, Smallest);
        for (var value = 0; value < fieldCounts.Length; value++)
        {
            var count = fieldCounts[value];
            if (count == 0) continue;
            if (best.Count == limit && best.Peek().Count > count) continue;
            var candidate = new FacetValue(numbering.Name(value), count);
            best.Enqueue(candidate, candidate);
            if (best.Count > limit) best.Dequeue();
        }
        var result = new FacetValue[best.Count];
        for (var k = result.Length - 1; k >= 0; k--) result[k] = best.Dequeue();
        return result;
    }

    // Lower count first; on equal counts the later name is the smaller, so names read in order.
    static readonly Comparer<FacetValue> Smallest = Comparer<FacetValue>.Create((a, b) =>
        a.Count != b.Count ? a.Count.CompareTo(b.Count) : string.CompareOrdinal(b.Value, a.Value));

    int IndexOf(string field)
    {
        for (var i = 0; i < fields.Count; i++)
            if (fields[i] == field) return i;
        throw new ArgumentException($"'{field}' is not counted by this collector.", nameof(field));
    }

    /// <summary>How many matches belong to the story with this cluster id.</summary>
    public int StorySize(long story)
    {
        var slot = StorySlots.Find(story);
        return slot >= 0 && slot < stories.Length ? stories[slot].Count : 0;
    }

    public void Dispose()
    {
        foreach (var slot in touched) stories[slot] = default;
        touched.Clear();
        if (stories.Length > 0) ArrayPool<StoryEntry>.Shared.Return(stories);
        stories = [];
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i].Length > 0) ArrayPool<int>.Shared.Return(counts[i]);
            counts[i] = [];
        }
    }

    static int[] Rent(int length)
    {
        var array = ArrayPool<int>.Shared.Rent(Math.Max(length, 16));
        Array.Clear(array);
        return array;
    }

    static int[] Grow(int[] array, int length)
    {
        var grown = Rent(length);
        Array.Copy(array, grown, array.Length);
        ArrayPool<int>.Shared.Return(array);
        return grown;
    }
}

/// <summary>One value of a facet and how many results have it.</summary>
public sealed record FacetValue(string Value, int Count);
