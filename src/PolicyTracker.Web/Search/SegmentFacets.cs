using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace PolicyTracker.Web.Search;

/// <summary>
/// What facet counting reads of one segment, decoded once and kept while the segment lives: each
/// document's ordinals per facet field, the names of those ordinals, and the story and time of
/// each document. Segments never change, so this is shared by every search; reading doc values
/// per match and per search was most of a faceted search's time.
/// </summary>
public sealed class SegmentFacets
{
    static readonly ConditionalWeakTable<object, SegmentFacets> Segments = new();

    readonly ConcurrentDictionary<string, Lazy<FieldOrdinals?>> fields = new();
    readonly ConcurrentDictionary<string, Lazy<long[]?>> numbers = new();

    /// <summary>The decoded facets of the segment <paramref name="reader"/> reads.</summary>
    public static SegmentFacets Of(AtomicReader reader) => Segments.GetValue(reader.CoreCacheKey, _ => new SegmentFacets());

    // Each part is decoded on first use through the reader of the search asking, which holds the segment open.

    /// <summary>Each document's story number (0 = alone), or null when the segment has none.</summary>
    public long[]? Stories(AtomicReader reader) => Numbers(reader, Fields.StoryNumber);

    /// <summary>Each document's publication ticks, or null when the segment has none.</summary>
    public long[]? Times(AtomicReader reader) => Numbers(reader, Fields.PublishedSort);

    /// <summary>The ordinals of <paramref name="field"/>, or null when no document in the segment has it.</summary>
    public FieldOrdinals? Field(AtomicReader reader, string field) =>
        fields.GetOrAdd(field, name => new Lazy<FieldOrdinals?>(() => FieldOrdinals.Read(reader.GetSortedSetDocValues(name), reader.MaxDoc))).Value;

    /// <summary>Decodes the given fields now (after a refresh, so the first search does not pay for it).</summary>
    public void Warm(AtomicReader reader, IEnumerable<string> names)
    {
        foreach (var name in names) Field(reader, name);
        Stories(reader);
        Times(reader);
    }

    long[]? Numbers(AtomicReader reader, string field) =>
        numbers.GetOrAdd(field, name => new Lazy<long[]?>(() => Decode(reader.GetNumericDocValues(name), reader.MaxDoc))).Value;

    static long[]? Decode(NumericDocValues? values, int maxDoc)
    {
        if (values is null) return null;
        var numbers = new long[maxDoc];
        for (var doc = 0; doc < maxDoc; doc++) numbers[doc] = values.Get(doc);
        return numbers;
    }
}

/// <summary>One facet field of one segment: document <c>d</c> has the ordinals <c>Ords[Starts[d]..Starts[d + 1]]</c>, each naming <c>Names[ord]</c>.</summary>
public sealed class FieldOrdinals(int[] starts, int[] ords, string[] names)
{
    public int[] Starts { get; } = starts;
    public int[] Ords { get; } = ords;
    public string[] Names { get; } = names;

    internal static FieldOrdinals? Read(SortedSetDocValues? values, int maxDoc)
    {
        if (values is null) return null;
        var starts = new int[maxDoc + 1];
        var ords = new List<int>(maxDoc);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = ords.Count;
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd()) ords.Add((int)ord);
        }
        starts[maxDoc] = ords.Count;
        var names = new string[values.ValueCount];
        var scratch = new BytesRef();
        for (var ord = 0; ord < names.Length; ord++)
        {
            values.LookupOrd(ord, scratch);
            names[ord] = scratch.Utf8ToString();
        }
        return new FieldOrdinals(starts, [.. ords], names);
    }
}
