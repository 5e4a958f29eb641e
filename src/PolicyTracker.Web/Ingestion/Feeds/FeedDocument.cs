namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>A parsed feed: its flavour (rss090, rss091, rss092, rss093, rss094, rss20, rss10, atom03, atom10), channel metadata and items in document order.</summary>
public sealed record FeedDocument(string Format, string? Title, string? Link, string? Language, IReadOnlyList<FeedItem> Items)
{
    /// <summary>Everything the channel says about itself beyond title, link and language.</summary>
    public FeedHeader Header { get; init; } = FeedHeader.Empty;

    /// <summary>What had to be repaired to read the document; empty when it was well-formed and correctly labelled.</summary>
    public IReadOnlyList<string> Repairs { get; init; } = [];

    /// <summary>True when the document could only be read by repairing it.</summary>
    public bool NeededRepair => Repairs.Count > 0;
}

/// <summary>One entry of a feed; titles are plain text, content and summary are HTML.</summary>
public sealed record FeedItem(string? Id, string? Title, string? Link, IReadOnlyList<FeedPerson> Authors, DateTime? PublishedAt, DateTime? UpdatedAt, string? ContentHtml, string? SummaryHtml, IReadOnlyList<string> Categories)
{
    /// <summary>The title as the feed typed it (text, html or xhtml), for callers that want the markup.</summary>
    public FeedText? TitleText { get; init; }

    /// <summary>The content as the feed typed it; ContentHtml is its HTML rendering.</summary>
    public FeedText? ContentText { get; init; }

    /// <summary>The summary (or RSS description) as the feed typed it.</summary>
    public FeedText? SummaryText { get; init; }

    /// <summary>Copyright or licence statement of the item.</summary>
    public FeedText? Rights { get; init; }

    /// <summary>Every link of the item with its relation, alternate first only if the feed put it first.</summary>
    public IReadOnlyList<FeedLink> Links { get; init; } = [];

    /// <summary>Categories with their scheme and label; Categories holds just the terms.</summary>
    public IReadOnlyList<FeedCategory> CategoryDetails { get; init; } = [];

    /// <summary>People credited besides the authors.</summary>
    public IReadOnlyList<FeedPerson> Contributors { get; init; } = [];

    /// <summary>Who published the item (dc:publisher), when the feed names one.</summary>
    public FeedPerson? Publisher { get; init; }

    /// <summary>The feed an aggregated item came from (atom:source or RSS source).</summary>
    public FeedHeader? Source { get; init; }

    /// <summary>The publication date with the text it was read from.</summary>
    public FeedDate? Published { get; init; }

    /// <summary>The last-modified date with the text it was read from.</summary>
    public FeedDate? Updated { get; init; }

    /// <summary>The creation date (dcterms:created), when given.</summary>
    public FeedDate? Created { get; init; }

    /// <summary>When the item stops being relevant (expirationDate, dcterms:valid end), when given.</summary>
    public FeedDate? Expires { get; init; }

    /// <summary>True when an RSS guid doubles as the item's permalink.</summary>
    public bool GuidIsLink { get; init; }

    /// <summary>URL of the item's comments page.</summary>
    public string? CommentsUrl { get; init; }

    /// <summary>URL of the item's licence (creativeCommons/cc license or rel="license").</summary>
    public string? License { get; init; }
}

/// <summary>A person named by a feed; any part may be missing.</summary>
public sealed record FeedPerson(string? Name, string? Email, string? Uri);

/// <summary>A piece of text with the type the feed declared: "text", "html" or "xhtml" (xhtml holds serialized markup).</summary>
public sealed record FeedText(string Value, string Type);

/// <summary>A link with its relation; Rel defaults to "alternate" as Atom specifies.</summary>
public sealed record FeedLink(string Href, string Rel, string? Type = null, string? HrefLang = null, string? Title = null, string? Length = null);

/// <summary>A category term with its optional scheme (RSS domain) and human label.</summary>
public sealed record FeedCategory(string Term, string? Scheme, string? Label);

/// <summary>A date as written in the feed and, when it could be read, as UTC.</summary>
public sealed record FeedDate(string Text, DateTime? Utc);

/// <summary>Software that produced a feed.</summary>
public sealed record FeedGenerator(string? Name, string? Uri, string? Version);
