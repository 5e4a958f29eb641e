namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>Thrown when a document is not a feed at all; the message says why.</summary>
public sealed class FeedFormatException(string message) : Exception(message);
