namespace PolicyTracker.Web.Ingestion.Fetching;

/// <summary>Reads a response body without ever holding more than the limit plus one chunk.</summary>
internal static class BoundedBody
{
    const int ChunkSize = 16 * 1024;
    const long MaxInitialCapacity = 1024 * 1024;

    /// <summary>The whole (decompressed) body; throws <see cref="FetchFailure.TooLarge"/> past <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]> ReadAsync(HttpContent content, long limit, CancellationToken ct)
    {
        // Content-Length is only a promise (and is of the compressed body); counting below is what holds.
        if (content.Headers.ContentLength is long declared && declared > limit) throw TooLarge(limit, $"declares {declared} bytes, more than");

        // Pre-size from the declared length, but not so far that a lying header costs much memory.
        var capacity = Math.Min(Math.Min(content.Headers.ContentLength ?? ChunkSize, limit), MaxInitialCapacity);
        using var collected = new MemoryStream((int)capacity);
        await using var stream = await content.ReadAsStreamAsync(ct);
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (collected.Length + read > limit) throw TooLarge(limit, "is longer than");
            collected.Write(chunk, 0, read);
        }
        return collected.ToArray();
    }

    static FetchException TooLarge(long limit, string what) =>
        new(FetchFailure.TooLarge, $"The response {what} the limit of {limit} bytes (Fetch:MaxResponseBytes).");
}
