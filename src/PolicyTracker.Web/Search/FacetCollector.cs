using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PolicyTracker.Web.Search;

/// <summary>
/// Counts, for every matching document, the values of some SortedSetDocValues fields (the
/// facets), and gathers the publication time for the timeline. Counts are kept per segment
/// ordinal and resolved to strings once per segment. With a <paramref name="groupField"/>
/// (the story), a value counts each group once, as collapsed results show them.
/// </summary>
public sealed class FacetCollector(IReadOnlyList<string> fields, bool withTimes, string? groupField = null) : ICollector
{
    readonly HashSet<(int Field, string Value, string Group)> grouped = [];
    readonly HashSet<(int Field, long Ord, string Group)> segmentGrouped = [];
    SortedSetDocValues? groups;
    string?[] groupNames = [];
    readonly Dictionary<string, Dictionary<string, int>> counts = fields.ToDictionary(f => f, _ => new Dictionary<string, int>());
    readonly SortedSetDocValues?[] values = new SortedSetDocValues?[fields.Count];
    readonly int[][] ordCounts = new int[fields.Count][];
    // The segment's ordinals already turned into strings, per field (looking a value up is a seek).
    readonly Dictionary<long, string>[] ordNames = [.. fields.Select(_ => new Dictionary<long, string>())];
    NumericDocValues? times;

    /// <summary>Publication ticks of every matching document (when asked for).</summary>
    public List<long> Times { get; } = [];

    public int Matches { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var i = 0; i < fields.Count; i++)
        {
            values[i] = context.AtomicReader.GetSortedSetDocValues(fields[i]);
            ordCounts[i] = new int[values[i]?.ValueCount ?? 0];
            ordNames[i].Clear();
        }
        times = withTimes ? context.AtomicReader.GetNumericDocValues(Fields.PublishedSort) : null;
        groups = groupField is null ? null : context.AtomicReader.GetSortedSetDocValues(groupField);
        groupNames = new string?[groups?.ValueCount ?? 0];
    }

    string? GroupOf(int doc)
    {
        if (groups is null) return null;
        groups.SetDocument(doc);
        var ord = groups.NextOrd();
        if (ord == SortedSetDocValues.NO_MORE_ORDS) return null;
        if (groupNames[ord] is { } name) return name;
        var scratch = new BytesRef();
        groups.LookupOrd(ord, scratch);
        return groupNames[ord] = scratch.Utf8ToString();
    }

    bool collected; // since the last flush

    public void Collect(int doc)
    {
        Matches++;
        collected = true;
        var group = GroupOf(doc);
        for (var i = 0; i < fields.Count; i++)
        {
            if (values[i] is not { } dv) continue;
            dv.SetDocument(doc);
            for (var ord = dv.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = dv.NextOrd())
            {
                if (group is null || fields[i] == groupField) ordCounts[i][ord]++;
                else segmentGrouped.Add((i, ord, group));
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

    /// <summary>How many different values of the facet the matches have.</summary>
    public int Distinct(string field)
    {
        Flush();
        return counts[field].Count;
    }

    /// <summary>How many matches have this value of the facet.</summary>
    public int CountOf(string field, string value)
    {
        Flush();
        return counts[field].GetValueOrDefault(value);
    }

    // Turns this segment's counts into counts by value. Cheap when nothing new was collected, so
    // the accessors can call it freely; grouped values count once per (value, story) pair.
    void Flush()
    {
        if (!collected) return;
        collected = false;
        var scratch = new BytesRef();
        foreach (var (i, ord, group) in segmentGrouped)
        {
            if (!ordNames[i].TryGetValue(ord, out var name))
            {
                values[i]!.LookupOrd(ord, scratch);
                ordNames[i][ord] = name = scratch.Utf8ToString();
            }
            if (grouped.Add((i, name, group))) counts[fields[i]][name] = counts[fields[i]].GetValueOrDefault(name) + 1;
        }
        segmentGrouped.Clear();
        for (var i = 0; i < fields.Count; i++)
        {
            if (values[i] is not { } dv || ordCounts[i] is null) continue;
            for (var ord = 0; ord < ordCounts[i].Length; ord++)
            {
                if (ordCounts[i][ord] == 0) continue;
                dv.LookupOrd(ord, scratch);
                var key = scratch.Utf8ToString();
                counts[fields[i]][key] = counts[fields[i]].GetValueOrDefault(key) + ordCounts[i][ord];
                ordCounts[i][ord] = 0;
            }
        }
    }
}

/// <summary>One value of a facet and how many results have it.</summary>
public sealed record FacetValue(string Value, int Count);
