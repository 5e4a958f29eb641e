namespace PolicyTracker.Web.Stories;

/// <summary>
/// The LSH buckets' index: band key → slot, by open addressing with linear probing over one array
/// of entries. With hundreds of thousands of keys every lookup misses the cache; a dictionary
/// touches two arrays per lookup, this touches one. Band keys are mixed hashes already, so their
/// low bits pick the position. Keys are never removed (a bucket whose articles all left keeps a
/// vacant slot), which keeps probing simple.
/// </summary>
sealed class BandTable
{
    /// <summary>A slot with no article.</summary>
    public const int Vacant = int.MinValue;

    struct Entry
    {
        public long Key;
        public int Slot;
        public bool Used;
    }

    Entry[] entries = new Entry[1 << 12];
    int count;

    /// <summary>The slot of <paramref name="key"/>, or false when the key was never added.</summary>
    public bool TryGet(long key, out int slot)
    {
        var mask = entries.Length - 1;
        for (var i = (int)key & mask; ; i = (i + 1) & mask)
        {
            ref var e = ref entries[i];
            if (!e.Used) { slot = Vacant; return false; }
            if (e.Key == key) { slot = e.Slot; return true; }
        }
    }

    /// <summary>The slot of <paramref name="key"/> to read or set, added as <see cref="Vacant"/> when new.</summary>
    public ref int GetOrAdd(long key)
    {
        if ((count + 1) * 2 > entries.Length) Grow();
        var mask = entries.Length - 1;
        for (var i = (int)key & mask; ; i = (i + 1) & mask)
        {
            ref var e = ref entries[i];
            if (e.Used && e.Key == key) return ref e.Slot;
            if (e.Used) continue;
            (e.Used, e.Key, e.Slot) = (true, key, Vacant);
            count++;
            return ref e.Slot;
        }
    }

    void Grow()
    {
        var old = entries;
        entries = new Entry[old.Length * 2];
        var mask = entries.Length - 1;
        foreach (var e in old)
        {
            if (!e.Used) continue;
            var i = (int)e.Key & mask;
            while (entries[i].Used) i = (i + 1) & mask;
            entries[i] = e;
        }
    }
}
