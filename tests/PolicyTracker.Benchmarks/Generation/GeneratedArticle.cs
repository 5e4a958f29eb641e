namespace PolicyTracker.Benchmarks.Generation;

/// <summary>A news outlet an article is attributed to.</summary>
public sealed record NewsSource(string Name, string Domain);

/// <summary>What a block of an article body is.</summary>
public enum ArticleBlockKind
{
    /// <summary>A paragraph of running text.</summary>
    Paragraph,

    /// <summary>A second-level heading (`##` in Markdown).</summary>
    Subheading,

    /// <summary>A bullet list; each line is one item.</summary>
    BulletList,
}

/// <summary>One block of an article body.</summary>
public sealed record ArticleBlock(ArticleBlockKind Kind, IReadOnlyList<string> Lines)
{
    /// <summary>A paragraph block.</summary>
    public static ArticleBlock Paragraph(string text) => new(ArticleBlockKind.Paragraph, [text]);

    /// <summary>A subheading block.</summary>
    public static ArticleBlock Subheading(string text) => new(ArticleBlockKind.Subheading, [text]);

    /// <summary>A bullet list block.</summary>
    public static ArticleBlock BulletList(IReadOnlyList<string> items) => new(ArticleBlockKind.BulletList, items);

    /// <summary>The text of a paragraph or heading (the first line).</summary>
    public string Text => Lines[0];

    /// <summary>The block as Markdown, without surrounding blank lines.</summary>
    public string ToMarkdown() => Kind switch
    {
        ArticleBlockKind.Subheading => "## " + Text,
        ArticleBlockKind.BulletList => string.Join('\n', Lines.Select(item => "- " + item)),
        _ => Text,
    };
}

/// <summary>A link to another story, part of the boilerplate around an HTML article.</summary>
public sealed record RelatedLink(string Title, string Url);

/// <summary>A generated article plus the ground truth a benchmark needs to score extraction and dedup.</summary>
/// <param name="Index">Position in the generated corpus; the same seed and index always give the same article.</param>
/// <param name="Title">Headline.</param>
/// <param name="Source">Outlet that published it.</param>
/// <param name="Url">Canonical URL (on a .example domain).</param>
/// <param name="Author">Byline, or null when the outlet gave none.</param>
/// <param name="PublishedAt">Publication time in UTC, or null when unknown.</param>
/// <param name="Blocks">Body blocks in reading order.</param>
/// <param name="Related">Other stories an HTML page links to.</param>
/// <param name="NearDuplicateOf">Index of the article whose body this one copies with small edits, if any.</param>
/// <param name="HasAiDisclaimer">True when the last paragraph says the text was generated with AI help.</param>
/// <param name="UsesAnonymousSourcing">True when the body cites unnamed sources.</param>
public sealed record GeneratedArticle(
    int Index,
    string Title,
    NewsSource Source,
    string Url,
    string? Author,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<ArticleBlock> Blocks,
    IReadOnlyList<RelatedLink> Related,
    int? NearDuplicateOf,
    bool HasAiDisclaimer,
    bool UsesAnonymousSourcing)
{
    /// <summary>Paragraph texts only (no headings or lists), in order.</summary>
    public IEnumerable<string> Paragraphs =>
        Blocks.Where(block => block.Kind == ArticleBlockKind.Paragraph).Select(block => block.Text);

    /// <summary>The body as Markdown, blocks separated by blank lines (built on each call).</summary>
    public string BodyMarkdown => string.Join("\n\n", Blocks.Select(block => block.ToMarkdown()));
}

/// <summary>Knobs of the generator; the defaults match the shares described in the benchmark README.</summary>
/// <param name="Seed">Run seed; change it for a different corpus with the same statistics.</param>
/// <param name="NearDuplicateShare">Share of articles that copy an earlier article's body with small edits.</param>
/// <param name="AiDisclaimerShare">Share of articles that end with an AI-assistance disclaimer.</param>
/// <param name="AnonymousSourcingShare">Share of articles that cite unnamed sources.</param>
/// <param name="MissingAuthorShare">Share of articles with no byline.</param>
/// <param name="MissingDateShare">Share of articles with no publication date.</param>
public sealed record ArticleGeneratorOptions(
    int Seed = 42,
    double NearDuplicateShare = 0.10,
    double AiDisclaimerShare = 0.05,
    double AnonymousSourcingShare = 0.08,
    double MissingAuthorShare = 0.12,
    double MissingDateShare = 0.06);
