namespace PolicyTracker.Web.Ingestion.Fetching;

/// <summary>Validators from an earlier fetch, sent so an unchanged resource answers 304 instead of its body.</summary>
/// <param name="ETag">The earlier <c>ETag</c>, sent as <c>If-None-Match</c>.</param>
/// <param name="LastModified">The earlier <c>Last-Modified</c>, sent as <c>If-Modified-Since</c>.</param>
public sealed record FetchConditions(string? ETag, string? LastModified);
