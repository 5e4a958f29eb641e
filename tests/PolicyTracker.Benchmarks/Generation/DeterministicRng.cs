using System.Numerics;

namespace PolicyTracker.Benchmarks.Generation;

/// <summary>
/// A small xoshiro256** generator. Our own rather than System.Random so the sequence for a seed
/// can never change with a runtime upgrade, and so a (seed, index, stream) triple maps to an
/// independent sequence: article N is the same whichever thread or order generates it.
/// </summary>
public sealed class DeterministicRng
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates a generator whose whole state is derived from <paramref name="seed"/>.</summary>
    public DeterministicRng(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>Creates the generator for one article index and purpose (stream) under a run seed.</summary>
    public static DeterministicRng For(int seed, int index, int stream)
    {
        // Mixing each component through SplitMix keeps neighbouring indices far apart in state space.
        var x = (ulong)(uint)seed;
        var mixed = SplitMix64(ref x);
        mixed ^= (ulong)(uint)index * 0xD1B54A32D192ED03UL;
        mixed ^= (ulong)(uint)stream * 0xABC98388FB8FAC03UL;
        return new DeterministicRng(SplitMix64(ref mixed));
    }

    /// <summary>Returns the next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Returns an integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        // Multiply-shift instead of modulo: no division, and the bias is far below anything measurable here.
        return (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);
    }

    /// <summary>Returns an integer in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    /// <summary>Returns a double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Returns true with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Picks one item uniformly.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
