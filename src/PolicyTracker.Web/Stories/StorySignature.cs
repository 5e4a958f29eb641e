using System.Runtime.InteropServices;

namespace PolicyTracker.Web.Stories;

/// <summary>
/// MinHash over word 5-gram shingles of the canonical text, and the LSH band keys built from it.
/// Words are lower-cased runs of letters and digits. The signature is one-permutation MinHash:
/// each shingle is hashed once, its top bits choose one of <see cref="Size"/> bins and the rest
/// compete for that bin's minimum; empty bins borrow the next filled bin's value (rotation
/// densification), so short texts still compare. One hash per shingle keeps it cheap at ingest.
/// </summary>
public static class StorySignature
{
    /// <summary>Number of MinHash values in a signature.</summary>
    public const int Size = 192;
    /// <summary>Words per shingle.</summary>
    public const int ShingleWords = 5;
    /// <summary>Bands of <see cref="Rows"/> values used as LSH keys (the first Bands × Rows values).</summary>
    public const int Bands = 64;
    public const int Rows = 3;

    /// <summary>The MinHash signature of <paramref name="text"/>.</summary>
    public static uint[] Of(string text)
    {
        var signature = new uint[Size];
        Array.Fill(signature, uint.MaxValue);
        var filled = new bool[Size];
        var any = false;
        foreach (var shingle in new Shingles(text))
        {
            var bin = (int)(((shingle >> 32) * Size) >> 32); // the top bits pick the bin
            var value = (uint)shingle;
            if (value <= signature[bin]) { signature[bin] = value; filled[bin] = true; any = true; }
        }
        if (!any) return signature;
        for (var i = 0; i < Size; i++)
        {
            if (filled[i]) continue;
            var distance = 1;
            while (!filled[(i + distance) % Size]) distance++;
            signature[i] = (uint)Mix(signature[(i + distance) % Size] * 0x9E3779B97F4A7C15UL + (ulong)distance);
        }
        return signature;
    }

    /// <summary>The share of equal positions: an estimate of the shingle sets' Jaccard similarity.</summary>
    public static double Estimate(ReadOnlySpan<uint> x, ReadOnlySpan<uint> y)
    {
        var same = 0;
        for (var i = 0; i < Size; i++) if (x[i] == y[i]) same++;
        return same / (double)Size;
    }

    /// <summary>One key per band: the band number and its values hashed together.</summary>
    public static long[] BandKeys(ReadOnlySpan<uint> signature)
    {
        var keys = new long[Bands];
        for (var band = 0; band < Bands; band++)
        {
            ulong h = 0x9E3779B97F4A7C15UL * (ulong)(band + 1);
            for (var r = 0; r < Rows; r++) h = Mix(h ^ signature[band * Rows + r]);
            keys[band] = (long)h;
        }
        return keys;
    }

    /// <summary>The exact Jaccard similarity of two texts' shingle sets (used to confirm LSH candidates).</summary>
    public static double Jaccard(string x, string y) => Jaccard(ShingleSet(x), y);

    /// <summary>The exact Jaccard similarity of a shingle set (from <see cref="ShingleSet"/>) and a text's shingles.</summary>
    public static double Jaccard(HashSet<ulong> first, string y) => Jaccard(first, ShingleSet(y));

    /// <summary>The exact Jaccard similarity of two shingle sets.</summary>
    public static double Jaccard(HashSet<ulong> first, HashSet<ulong> second)
    {
        if (first.Count == 0 || second.Count == 0) return 0;
        var shared = 0;
        foreach (var s in second) if (first.Contains(s)) shared++;
        return shared / (double)(first.Count + second.Count - shared);
    }

    /// <summary>The text's distinct shingle hashes.</summary>
    public static HashSet<ulong> ShingleSet(string text)
    {
        var set = new HashSet<ulong>();
        foreach (var s in new Shingles(text)) set.Add(s);
        return set;
    }

    /// <summary>As bytes, for the database.</summary>
    public static byte[] ToBytes(uint[] signature) => MemoryMarshal.AsBytes(signature.AsSpan()).ToArray();

    /// <summary>From the bytes <see cref="ToBytes"/> wrote.</summary>
    public static uint[] FromBytes(byte[] bytes) => MemoryMarshal.Cast<byte, uint>(bytes).ToArray();

    static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        return h ^ (h >> 33);
    }

    /// <summary>The 64-bit hashes of the text's word shingles, without allocating the words.</summary>
    ref struct Shingles(string text)
    {
        readonly string text = text;
        int position;
        ulong w0, w1, w2, w3, w4;
        int words;
        bool emittedShort;

        public readonly Shingles GetEnumerator() => this;

        public ulong Current { get; private set; }

        public bool MoveNext()
        {
            while (NextWord(out var word))
            {
                (w0, w1, w2, w3, w4) = (w1, w2, w3, w4, word);
                if (++words < ShingleWords) continue;
                Current = Fold(w0, w1, w2, w3, w4);
                return true;
            }
            // A text shorter than one shingle is a single shingle of all its words.
            if (words is > 0 and < ShingleWords && !emittedShort)
            {
                emittedShort = true;
                Current = Fold(w0, w1, w2, w3, w4);
                return true;
            }
            return false;
        }

        static ulong Fold(ulong a, ulong b, ulong c, ulong d, ulong e) =>
            Mix(((((a * 0x100000001B3UL) ^ b) * 0x100000001B3UL ^ c) * 0x100000001B3UL ^ d) * 0x100000001B3UL ^ e);

        bool NextWord(out ulong hash)
        {
            hash = 14695981039346656037UL;
            var s = text;
            while (position < s.Length && !IsWordChar(s[position])) position++;
            if (position >= s.Length) return false;
            char c;
            while (position < s.Length && IsWordChar(c = s[position]))
            {
                hash = (hash ^ Lower(c)) * 1099511628211UL;
                position++;
            }
            return true;
        }

        // ASCII first: almost every character of an English article.
        static bool IsWordChar(char c) => c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 : char.IsLetterOrDigit(c);

        static char Lower(char c) => c < 128 ? ((uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);

    }
}
