namespace PolicyTracker.Web.Ingestion.Fetching;

/// <summary>A fetch that did not produce a usable response; <see cref="Kind"/> says why.</summary>
public sealed class FetchException : Exception
{
    /// <summary>A failure of <paramref name="kind"/>, with the status and back-off the server gave, if any.</summary>
    public FetchException(FetchFailure kind, string message, int? statusCode = null, TimeSpan? retryAfter = null)
        : base(message)
    {
        Kind = kind;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    // Keeps the socket or HTTP error underneath for the logs.
    internal FetchException(FetchFailure kind, string message, Exception? inner)
        : base(message, inner) => Kind = kind;

    /// <summary>What went wrong.</summary>
    public FetchFailure Kind { get; }

    /// <summary>The HTTP status, for <see cref="FetchFailure.HttpError"/>.</summary>
    public int? StatusCode { get; }

    /// <summary>How long the server asked us to wait (429 and 503 with <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; }
}
