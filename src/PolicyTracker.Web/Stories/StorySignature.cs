using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    /// <remarks>
    /// One pass over the characters with the five-word window in locals: the same shingles as
    /// <see cref="ShingleSet"/> (a test holds them equal), at about half the cost of the iterator.
    /// </remarks>
    public static uint[] Of(string text)
    {
        var signature = new uint[Size];
        Array.Fill(signature, uint.MaxValue);
        Span<bool> filled = stackalloc bool[Size];
        filled.Clear();
        var any = false;
        ulong w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0;
        var words = 0;
        ref var table = ref MemoryMarshal.GetReference(Shingles.Folded);
        var s = text.AsSpan();
        var i = 0;
        while (true)
        {
            while (i < s.Length && (s[i] < 128 ? Unsafe.Add(ref table, s[i]) == 0 : !char.IsLetterOrDigit(s[i]))) i++;
            if (i >= s.Length) break;
            var word = Shingles.Basis;
            while (i < s.Length)
            {
                var c = s[i];
                uint folded;
                if (c < 128)
                {
                    folded = Unsafe.Add(ref table, c);
                    if (folded == 0) break;
                }
                else if (char.IsLetterOrDigit(c)) folded = char.ToLowerInvariant(c);
                else break;
                word = (word ^ folded) * Shingles.Prime;
                i++;
            }
            (w0, w1, w2, w3, w4) = (w1, w2, w3, w4, word);
            if (++words >= ShingleWords) Offer(Shingles.Fold(w0, w1, w2, w3, w4), signature, filled, ref any);
        }
        // A text shorter than one shingle is a single shingle of all its words.
        if (words is > 0 and < ShingleWords) Offer(Shingles.Fold(w0, w1, w2, w3, w4), signature, filled, ref any);
        if (any) Densify(signature, filled);
        return signature;
    }

    /// <summary>The signature of a set of shingle hashes (the slow path <see cref="Of"/> must agree with).</summary>
    public static uint[] OfShingles(IEnumerable<ulong> shingles)
    {
        var signature = new uint[Size];
        Array.Fill(signature, uint.MaxValue);
        Span<bool> filled = stackalloc bool[Size];
        filled.Clear();
        var any = false;
        foreach (var shingle in shingles) Offer(shingle, signature, filled, ref any);
        if (any) Densify(signature, filled);
        return signature;
    }

    static void Offer(ulong shingle, uint[] signature, Span<bool> filled, ref bool any)
    {
        var bin = (int)(((shingle >> 32) * Size) >> 32); // the top bits pick the bin
        var value = (uint)shingle;
        if (value <= signature[bin]) { signature[bin] = value; filled[bin] = true; any = true; }
    }

    // Empty bins borrow the next filled bin's value, mixed with the distance (rotation densification).
    static void Densify(uint[] signature, Span<bool> filled)
    {
        for (var i = 0; i < Size; i++)
        {
            if (filled[i]) continue;
            var distance = 1;
            while (!filled[(i + distance) % Size]) distance++;
            signature[i] = (uint)Mix(signature[(i + distance) % Size] * 0x9E3779B97F4A7C15UL + (ulong)distance);
        }
    }

    /// <summary>The share of equal positions: an estimate of the shingle sets' Jaccard similarity.</summary>
    public static double Estimate(ReadOnlySpan<uint> x, ReadOnlySpan<uint> y) => Same(x, y) / (double)Size;

    /// <summary>How many positions of the two signatures hold the same value (eight at a time where the CPU can).</summary>
    public static int Same(ReadOnlySpan<uint> x, ReadOnlySpan<uint> y)
    {
        x = x[..Size];
        y = y[..Size];
        var same = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<uint>.Count <= Size; i += Vector256<uint>.Count)
                same += BitOperations.PopCount(Vector256.Equals(Vector256.Create(x[i..]), Vector256.Create(y[i..])).ExtractMostSignificantBits());
        }
        for (; i < Size; i++) if (x[i] == y[i]) same++;
        return same;
    }

    /// <summary>One key per band: the band number and its values hashed together.</summary>
    public static long[] BandKeys(ReadOnlySpan<uint> signature)
    {
        var keys = new long[Bands];
        BandKeys(signature, keys);
        return keys;
    }

    /// <summary>The band keys written into <paramref name="keys"/> (<see cref="Bands"/> long), allocating nothing.</summary>
    public static void BandKeys(ReadOnlySpan<uint> signature, Span<long> keys)
    {
        for (var band = 0; band < Bands; band++)
        {
            ulong h = 0x9E3779B97F4A7C15UL * (ulong)(band + 1);
            for (var r = 0; r < Rows; r++) h = Mix(h ^ signature[band * Rows + r]);
            keys[band] = (long)h;
        }
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

        public const ulong Basis = 14695981039346656037UL;
        public const ulong Prime = 1099511628211UL;

        public static ulong Fold(ulong a, ulong b, ulong c, ulong d, ulong e) =>
            Mix(((((a * 0x100000001B3UL) ^ b) * 0x100000001B3UL ^ c) * 0x100000001B3UL ^ d) * 0x100000001B3UL ^ e);

        bool NextWord(out ulong hash)
        {
            hash = Basis;
            var s = text.AsSpan();
            var i = position;
            // Skip to the next word character; ASCII through the table, the rest through char's own tests.
            while (i < s.Length && (s[i] < 128 ? Folded[s[i]] == 0 : !char.IsLetterOrDigit(s[i]))) i++;
            if (i >= s.Length) { position = i; return false; }
            while (i < s.Length)
            {
                var c = s[i];
                uint folded;
                if (c < 128)
                {
                    folded = Folded[c];
                    if (folded == 0) break;
                }
                else if (char.IsLetterOrDigit(c)) folded = char.ToLowerInvariant(c);
                else break;
                hash = (hash ^ folded) * Prime;
                i++;
            }
            position = i;
            return true;
        }

        // For each ASCII character: its lower-case form when it belongs to a word (a letter or a digit), else 0.
        public static ReadOnlySpan<byte> Folded =>
        [
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9', 0, 0, 0, 0, 0, 0,
            0, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j', (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o',
            (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t', (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z', 0, 0, 0, 0, 0,
            0, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j', (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o',
            (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t', (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z', 0, 0, 0, 0, 0,
        ];
    }
}
