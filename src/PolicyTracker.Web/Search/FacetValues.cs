namespace PolicyTracker.Web.Search;

/// <summary>
/// Process-wide codes for facet values, one number space across all facet fields. Segments map
/// their own ordinals to codes when first decoded, so a search counts every segment and every
/// field into one array and compares values across segments as numbers; only the values shown
/// are named. A value keeps its code for the life of the process; values no longer in the index
/// simply count 0.
/// </summary>
public static class FacetValues
{
    static readonly Dictionary<(string Field, string Name), int> Codes = [];
    static readonly List<string> FieldNames = [];
    static string[] names = new string[64];
    static int[] fields = new int[64];
    static int count;

    /// <summary>How many values have a code (every code handed out is below it).</summary>
    public static int Count => Volatile.Read(ref count);

    /// <summary>The value coded <paramref name="code"/>.</summary>
    public static string Name(int code) => Volatile.Read(ref names)[code];

    /// <summary>The field of the value coded <paramref name="code"/>, as numbered by <see cref="FieldNumber"/>.</summary>
    public static int Field(int code) => Volatile.Read(ref fields)[code];

    /// <summary>A small number for <paramref name="field"/>, to compare with <see cref="Field"/>.</summary>
    public static int FieldNumber(string field)
    {
        lock (Codes)
        {
            var at = FieldNames.IndexOf(field);
            if (at >= 0) return at;
            FieldNames.Add(field);
            return FieldNames.Count - 1;
        }
    }

    /// <summary>The codes of <paramref name="values"/> of <paramref name="field"/>, giving new ones to values not seen before.</summary>
    public static int[] Code(string field, IReadOnlyList<string> values)
    {
        var fieldNumber = FieldNumber(field);
        var result = new int[values.Count];
        lock (Codes)
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (Codes.TryGetValue((field, values[i]), out var known)) { result[i] = known; continue; }
                if (count == names.Length)
                {
                    // Readers keep using the old arrays: they hold every code they can have been given.
                    var grownNames = new string[names.Length * 2];
                    var grownFields = new int[names.Length * 2];
                    Array.Copy(names, grownNames, count);
                    Array.Copy(fields, grownFields, count);
                    Volatile.Write(ref fields, grownFields);
                    Volatile.Write(ref names, grownNames);
                }
                names[count] = values[i];
                fields[count] = fieldNumber;
                Codes[(field, values[i])] = count;
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
