using System.Collections.Concurrent;

namespace PolicyTracker.Web.Search;

/// <summary>
/// Process-wide numbers for facet values and stories. Segments map their own ordinals to these
/// when first decoded, so a search counts every segment into one array per field and compares
/// values across segments as numbers; naming happens only for the few values shown. A value
/// keeps its number for the life of the process; values no longer in the index simply count 0.
/// </summary>
public sealed class FacetValues
{
    static readonly ConcurrentDictionary<string, FacetValues> Fields = new();

    readonly Dictionary<string, int> numbers = new(StringComparer.Ordinal);
    string[] names = new string[16];
    int count;

    /// <summary>The numbering of <paramref name="field"/>'s values.</summary>
    public static FacetValues Of(string field) => Fields.GetOrAdd(field, _ => new FacetValues());

    /// <summary>How many values have a number (every number handed out is below it).</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>The value numbered <paramref name="number"/>.</summary>
    public string Name(int number) => Volatile.Read(ref names)[number];

    /// <summary>The numbers of <paramref name="values"/>, giving new ones to values not seen before.</summary>
    public int[] Number(IReadOnlyList<string> values)
    {
        var result = new int[values.Count];
        lock (numbers)
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (numbers.TryGetValue(values[i], out var known)) { result[i] = known; continue; }
                if (count == names.Length)
                {
                    // Readers keep using the old array: it holds every name they can have been given.
                    var grown = new string[names.Length * 2];
                    Array.Copy(names, grown, count);
                    Volatile.Write(ref names, grown);
                }
                names[count] = values[i];
                numbers[values[i]] = count;
                result[i] = count;
                Volatile.Write(ref count, count + 1);
            }
        }
        return result;
    }
}

/// <summary>Process-wide slots for story numbers, so a search tracks the stories it meets in arrays rather than a dictionary.</summary>
public static class StorySlots
{
    static readonly Dictionary<long, int> Slots = [];
    static int count;

    /// <summary>How many stories have a slot.</summary>
    public static int Count => Volatile.Read(ref count);

    /// <summary>Each document's story slot, or -1 for an article alone (story number 0).</summary>
    public static int[] Of(long[] storyNumbers)
    {
        var result = new int[storyNumbers.Length];
        lock (Slots)
        {
            for (var doc = 0; doc < storyNumbers.Length; doc++)
            {
                var story = storyNumbers[doc];
                if (story <= 0) { result[doc] = -1; continue; }
                if (!Slots.TryGetValue(story, out var slot))
                {
                    Slots[story] = slot = count;
                    Volatile.Write(ref count, count + 1);
                }
                result[doc] = slot;
            }
        }
        return result;
    }

    /// <summary>The slot of <paramref name="story"/>, or -1 if no segment has it.</summary>
    public static int Find(long story)
    {
        lock (Slots) return Slots.TryGetValue(story, out var slot) ? slot : -1;
    }
}
