using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PolicyTracker.Web.Search;

/// <summary>
/// Counts, for every matching document, the values of some SortedSetDocValues fields (the
/// facets), and gathers the publication time for the timeline, from the segments' decoded
/// <see cref="SegmentFacets"/>. Values carry process-wide codes, so every segment and field counts
/// into one array and only the values shown are named. Grouped by story, a value counts
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
    int[] counts;
    readonly List<FacetRows?> segments = [];
    // Each story's first match, then later ones chained through 'chain' (newest first), so a value counts once per story.
    StoryEntry[] stories = [];
    int storiesSeen;
    readonly List<(int Segment, int Doc, int Next)> chain = [];
    readonly List<HashSet<int>> seenSets = [];
    int alone;
    FacetRows? current;
    int[]? storySlots;
    long[]? times;

    struct StoryEntry
    {
        public int Count;
        public int FirstSegment;
        public int FirstDoc;
        public int Head; // the latest later match in 'chain', or -1
        public int SeenSet; // 1 + index into seenSets once the story has a set of its values
    }

    public FacetCollector(IReadOnlyList<string> fields, bool withTimes, bool groupByStory = false)
    {
        this.fields = fields;
        this.withTimes = withTimes;
        this.groupByStory = groupByStory;
        counts = fields.Count == 0 ? [] : Rent<int>(FacetValues.Count);
        if (groupByStory) stories = Rent<StoryEntry>(StorySlots.Count);
    }

    /// <summary>Publication ticks of every matching document (when asked for).</summary>
    public List<long> Times { get; } = [];

    /// <summary>How many documents matched.</summary>
    public int Matches { get; private set; }

    /// <summary>How many stories the matches tell (when grouping by story).</summary>
    public int Stories => alone + storiesSeen;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        var reader = context.AtomicReader;
        var facets = SegmentFacets.Of(reader);
        current = fields.Count == 0 ? null : facets.Rows(reader, fields);
        // A segment decoded after this search began may bring codes and slots beyond the arrays rented for it.
        if (current is not null) counts = Grow(counts, FacetValues.Count);
        segments.Add(current);
        times = withTimes ? facets.Times(reader) : null;
        storySlots = groupByStory ? facets.StorySlotsOf(reader) : null;
        if (storySlots is not null) stories = Grow(stories, StorySlots.Count);
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
                // Most stories match once: their first match needs no chain entry.
                storiesSeen++;
                (entry.FirstSegment, entry.FirstDoc, entry.Head) = (segments.Count - 1, doc, -1);
                CountAll(doc);
            }
            else
            {
                CountNew(doc, ref entry);
                chain.Add((segments.Count - 1, doc, entry.Head));
                entry.Head = chain.Count - 1;
            }
            entry.Count++;
        }
        if (times is not null) Times.Add(times[doc]);
    }

    void CountAll(int doc)
    {
        if (current is not { } rows) return;
        var codes = rows.Codes;
        for (int k = rows.Starts[doc], end = rows.Starts[doc + 1]; k < end; k++) counts[codes[k]]++;
    }

    // Counts only the values no earlier match of the same story had.
    void CountNew(int doc, ref StoryEntry entry)
    {
        if (current is not { } rows) return;
        if (entry.SeenSet == 0 && entry.Count >= StorySetAfter)
        {
            var set = new HashSet<int>();
            AddCodes(set, entry.FirstSegment, entry.FirstDoc);
            for (var at = entry.Head; at >= 0; at = chain[at].Next) AddCodes(set, chain[at].Segment, chain[at].Doc);
            seenSets.Add(set);
            entry.SeenSet = seenSets.Count;
        }
        var seen = entry.SeenSet > 0 ? seenSets[entry.SeenSet - 1] : null;
        for (int k = rows.Starts[doc], end = rows.Starts[doc + 1]; k < end; k++)
        {
            var code = rows.Codes[k];
            if (seen is not null ? seen.Add(code) : !SeenBefore(code, in entry)) counts[code]++;
        }
    }

    void AddCodes(HashSet<int> set, int segment, int doc)
    {
        if (segments[segment] is not { } r) return;
        for (int k = r.Starts[doc], end = r.Starts[doc + 1]; k < end; k++) set.Add(r.Codes[k]);
    }

    bool SeenBefore(int code, in StoryEntry entry)
    {
        if (Has(code, entry.FirstSegment, entry.FirstDoc)) return true;
        for (var at = entry.Head; at >= 0; at = chain[at].Next)
            if (Has(code, chain[at].Segment, chain[at].Doc)) return true;
        return false;
    }

    bool Has(int code, int segment, int doc)
    {
        if (segments[segment] is not { } r) return false;
        for (int k = r.Starts[doc], end = r.Starts[doc + 1]; k < end; k++)
            if (r.Codes[k] == code) return true;
        return false;
    }

    /// <summary>The counts of one facet, largest first (ties by value), at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<FacetValue> Top(string field, int limit)
    {
        if (limit <= 0) return [];
        if (!fields.Contains(field)) throw new ArgumentException($"'{field}' is not counted by this collector.", nameof(field));
        var fieldNumber = FacetValues.FieldNumber(field);
        // The smallest kept value on top, so a larger one replaces it: only the values shown are named and sorted.
        var best = new PriorityQueue<FacetValue, FacetValue>(limit + 1, Smallest);
        for (var code = 0; code < counts.Length; code++)
        {
            var count = counts[code];
            if (count == 0 || FacetValues.Field(code) != fieldNumber) continue;
            if (best.Count == limit && best.Peek().Count > count) continue;
            var candidate = new FacetValue(FacetValues.Name(code), count);
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

    /// <summary>How many matches belong to the story with this cluster id.</summary>
    public int StorySize(long story)
    {
        var slot = StorySlots.Find(story);
        return slot >= 0 && slot < stories.Length ? stories[slot].Count : 0;
    }

    public void Dispose()
    {
        Return(ref stories);
        Return(ref counts);
    }

    // The shared pool hands out arrays of plain structs uninitialized when it makes them, so clear what is rented.
    static T[] Rent<T>(int length)
    {
        var array = ArrayPool<T>.Shared.Rent(Math.Max(length, 16));
        Array.Clear(array);
        return array;
    }

    static T[] Grow<T>(T[] array, int length)
    {
        if (array.Length >= length) return array;
        var grown = Rent<T>(length);
        Array.Copy(array, grown, array.Length);
        Return(ref array);
        return grown;
    }

    static void Return<T>(ref T[] array)
    {
        if (array.Length > 0) ArrayPool<T>.Shared.Return(array);
        array = [];
    }
}

/// <summary>One value of a facet and how many results have it.</summary>
public sealed record FacetValue(string Value, int Count);
