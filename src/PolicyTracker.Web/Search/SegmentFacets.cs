using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PolicyTracker.Web.Search;

/// <summary>
/// What facet counting reads of one segment, decoded once and kept while the segment lives: each
/// document's facet values (as <see cref="FacetValues"/> codes, all fields side by side), and the
/// story (number and <see cref="StorySlots"/> slot), time and article id of each document.
/// Segments never change, so this is shared by every search; reading doc values per match and per
/// search was most of a faceted search's time, and reading each field from arrays of its own cost
/// a cache miss per field per match.
/// </summary>
public sealed class SegmentFacets
{
    static readonly ConditionalWeakTable<object, SegmentFacets> Segments = new();

    readonly ConcurrentDictionary<string, Lazy<FacetRows?>> rows = new();
    readonly ConcurrentDictionary<string, Lazy<long[]?>> numbers = new();
    Lazy<int[]>? ids;
    Lazy<int[]?>? slots;

    /// <summary>The decoded facets of the segment <paramref name="reader"/> reads.</summary>
    public static SegmentFacets Of(AtomicReader reader) => Segments.GetValue(reader.CoreCacheKey, _ => new SegmentFacets());

    // Each part is decoded on first use through the reader of the search asking, which holds the segment open.

    /// <summary>Each document's story number (0 = alone), or null when the segment has none.</summary>
    public long[]? Stories(AtomicReader reader) => Numbers(reader, Fields.StoryNumber);

    /// <summary>Each document's article id, read once from the id terms: loading stored fields for each hit cost more than the search's scoring of a page.</summary>
    public int[] Ids(AtomicReader reader) => Once(ref ids, () => DecodeIds(reader));

    /// <summary>Each document's story slot (-1 = alone), or null when the segment has no story numbers.</summary>
    public int[]? StorySlotsOf(AtomicReader reader) => Once(ref slots, () => Stories(reader) is { } numbers ? Search.StorySlots.Of(numbers) : null);

    // The first caller's decoding is the one every caller gets.
    static T Once<T>(ref Lazy<T>? field, Func<T> decode)
    {
        var lazy = field ?? Interlocked.CompareExchange(ref field, new Lazy<T>(decode), null) ?? field;
        return lazy.Value;
    }

    /// <summary>Each document's publication ticks, or null when the segment has none.</summary>
    public long[]? Times(AtomicReader reader) => Numbers(reader, Fields.PublishedSort);

    /// <summary>The values of <paramref name="fields"/> per document, or null when no document in the segment has any.</summary>
    public FacetRows? Rows(AtomicReader reader, IReadOnlyList<string> fields) =>
        rows.GetOrAdd(string.Join('\u001f', fields), _ => new Lazy<FacetRows?>(() => FacetRows.Read(reader, fields))).Value;

    /// <summary>Decodes the given fields now (after a refresh, so the first search does not pay for it).</summary>
    public void Warm(AtomicReader reader, IReadOnlyList<string> fields)
    {
        Rows(reader, fields);
        StorySlotsOf(reader);
        Times(reader);
        Ids(reader);
    }

    long[]? Numbers(AtomicReader reader, string field) =>
        numbers.GetOrAdd(field, name => new Lazy<long[]?>(() => Decode(reader.GetNumericDocValues(name), reader.MaxDoc))).Value;

    static int[] DecodeIds(AtomicReader reader)
    {
        // Every document has exactly one id term; deleted ones keep theirs, harmlessly.
        var result = new int[reader.MaxDoc];
        var terms = reader.GetTerms(Fields.Id)?.GetEnumerator();
        DocsEnum? docs = null;
        while (terms is not null && terms.MoveNext())
        {
            var id = int.Parse(terms.Term.Utf8ToString(), System.Globalization.CultureInfo.InvariantCulture);
            docs = terms.Docs(null, docs, DocsFlags.NONE);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc()) result[doc] = id;
        }
        return result;
    }

    static long[]? Decode(NumericDocValues? values, int maxDoc)
    {
        if (values is null) return null;
        var numbers = new long[maxDoc];
        for (var doc = 0; doc < maxDoc; doc++) numbers[doc] = values.Get(doc);
        return numbers;
    }
}

/// <summary>Facet values of one segment's documents: document <c>d</c> has the codes <c>Codes[Starts[d]..Starts[d + 1]]</c>.</summary>
public sealed class FacetRows(int[] starts, int[] codes)
{
    public int[] Starts { get; } = starts;
    public int[] Codes { get; } = codes;

    internal static FacetRows? Read(AtomicReader reader, IReadOnlyList<string> fields)
    {
        var perField = new List<(SortedSetDocValues Values, int[] Codes)>();
        foreach (var field in fields)
        {
            if (reader.GetSortedSetDocValues(field) is not { } values) continue;
            var names = new string[values.ValueCount];
            var scratch = new BytesRef();
            for (var ord = 0; ord < names.Length; ord++)
            {
                values.LookupOrd(ord, scratch);
                names[ord] = scratch.Utf8ToString();
            }
            perField.Add((values, FacetValues.Code(field, names)));
        }
        if (perField.Count == 0) return null;
        var maxDoc = reader.MaxDoc;
        var starts = new int[maxDoc + 1];
        var codes = new List<int>(maxDoc * perField.Count);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = codes.Count;
            foreach (var (values, fieldCodes) in perField)
            {
                values.SetDocument(doc);
                for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd()) codes.Add(fieldCodes[ord]);
            }
        }
        starts[maxDoc] = codes.Count;
        return new FacetRows(starts, [.. codes]);
    }
}
