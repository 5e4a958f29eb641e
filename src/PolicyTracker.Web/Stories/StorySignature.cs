using System.Numerics;
using System.Runtime.InteropServices;

namespace PolicyTracker.Web.Stories;

/// <summary>
/// MinHash over word 5-gram shingles of the canonical text, and the LSH band keys built from it.
/// Words are lower-cased runs of letters and digits; each shingle is hashed once, then passed
/// through <see cref="Size"/> cheap hash permutations computed a vector at a time.
/// </summary>
public static class StorySignature
{
    /// <summary>Number of MinHash values in a signature.</summary>
    public const int Size = 128;
    /// <summary>Words per shingle.</summary>
    public const int ShingleWords = 5;
    /// <summary>Bands of <see cref="Rows"/> values used as LSH keys (the first Bands × Rows values).</summary>
    public const int Bands = 32;
    public const int Rows = 2;

    static readonly uint[] A = new uint[Size], B = new uint[Size], C = new uint[Size];

    static StorySignature()
    {
        // Fixed seed: signatures stored in the database must stay comparable across runs.
        var rng = new Random(20261129);
        for (var i = 0; i < Size; i++)
        {
            A[i] = (uint)rng.Next() | 1u;
            B[i] = (uint)rng.Next();
            C[i] = ((uint)rng.Next() << 1) | 1u;
        }
    }

    /// <summary>The MinHash signature of <paramref name="text"/>.</summary>
    public static uint[] Of(string text)
    {
        var signature = new uint[Size];
        Array.Fill(signature, uint.MaxValue);
        var mins = MemoryMarshal.Cast<uint, Vector<uint>>(signature.AsSpan());
        var a = MemoryMarshal.Cast<uint, Vector<uint>>(A.AsSpan());
        var b = MemoryMarshal.Cast<uint, Vector<uint>>(B.AsSpan());
        var c = MemoryMarshal.Cast<uint, Vector<uint>>(C.AsSpan());
        foreach (var shingle in new Shingles(text))
        {
            var x = new Vector<uint>(shingle);
            for (var i = 0; i < mins.Length; i++)
            {
                var y = a[i] * x + b[i];
                y ^= Vector.ShiftRightLogical(y, 15);
                y *= c[i];
                y ^= Vector.ShiftRightLogical(y, 13);
                mins[i] = Vector.Min(mins[i], y);
            }
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
    public static double Jaccard(string x, string y)
    {
        var first = new HashSet<uint>();
        foreach (var s in new Shingles(x)) first.Add(s);
        var second = new HashSet<uint>();
        foreach (var s in new Shingles(y)) second.Add(s);
        if (first.Count == 0 || second.Count == 0) return 0;
        var shared = first.Count(second.Contains);
        return shared / (double)(first.Count + second.Count - shared);
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

    /// <summary>The 32-bit hashes of the text's word shingles, without allocating the words.</summary>
    ref struct Shingles(string text)
    {
        readonly string text = text;
        int position;
        ulong w0, w1, w2, w3, w4;
        int words;
        bool emittedShort;

        public readonly Shingles GetEnumerator() => this;

        public uint Current { get; private set; }

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

        static uint Fold(ulong a, ulong b, ulong c, ulong d, ulong e)
        {
            var h = Mix(a * 31 + b);
            h = Mix(h * 31 + c);
            h = Mix(h * 31 + d);
            h = Mix(h * 31 + e);
            return (uint)(h ^ (h >> 32));
        }

        bool NextWord(out ulong hash)
        {
            hash = 14695981039346656037UL;
            var s = text;
            while (position < s.Length && !char.IsLetterOrDigit(s[position])) position++;
            if (position >= s.Length) return false;
            while (position < s.Length && char.IsLetterOrDigit(s[position]))
            {
                hash = (hash ^ char.ToLowerInvariant(s[position])) * 1099511628211UL;
                position++;
            }
            return true;
        }
    }
}
