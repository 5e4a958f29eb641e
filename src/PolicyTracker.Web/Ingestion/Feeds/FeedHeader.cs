namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>Channel-level metadata, used for the feed itself and for the source of an aggregated item.</summary>
public sealed record FeedHeader
{
    /// <summary>A header with nothing in it.</summary>
    public static readonly FeedHeader Empty = new();

    /// <summary>Feed identifier (atom:id), when given.</summary>
    public string? Id { get; init; }

    /// <summary>Title as the feed typed it.</summary>
    public FeedText? Title { get; init; }

    /// <summary>Subtitle, tagline or channel description.</summary>
    public FeedText? Subtitle { get; init; }

    /// <summary>Copyright statement.</summary>
    public FeedText? Rights { get; init; }

    /// <summary>The main (alternate) web page of the feed.</summary>
    public string? Link { get; init; }

    /// <summary>All links with their relations.</summary>
    public IReadOnlyList<FeedLink> Links { get; init; } = [];

    /// <summary>Authors or managing editors.</summary>
    public IReadOnlyList<FeedPerson> Authors { get; init; } = [];

    /// <summary>People credited besides the authors.</summary>
    public IReadOnlyList<FeedPerson> Contributors { get; init; } = [];

    /// <summary>Publisher (dc:publisher or webMaster), when given.</summary>
    public FeedPerson? Publisher { get; init; }

    /// <summary>Categories of the whole feed.</summary>
    public IReadOnlyList<FeedCategory> Categories { get; init; } = [];

    /// <summary>Software that produced the feed.</summary>
    public FeedGenerator? Generator { get; init; }

    /// <summary>Small icon URL.</summary>
    public string? Icon { get; init; }

    /// <summary>Logo or channel image URL.</summary>
    public string? Logo { get; init; }

    /// <summary>URL the source element points at (RSS source url attribute).</summary>
    public string? Url { get; init; }

    /// <summary>Language code of the feed.</summary>
    public string? Language { get; init; }

    /// <summary>Publication date of the feed.</summary>
    public FeedDate? Published { get; init; }

    /// <summary>Last change of the feed.</summary>
    public FeedDate? Updated { get; init; }
}
