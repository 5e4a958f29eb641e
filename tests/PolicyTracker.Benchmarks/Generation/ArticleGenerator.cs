using PolicyTracker.Benchmarks.Generation.Lexicon;

namespace PolicyTracker.Benchmarks.Generation;

/// <summary>
/// Deterministic generator of AI-policy news articles. Article N depends only on the seed and N,
/// never on which articles were generated before, so corpora can be built in parallel and regenerated
/// exactly. Thread-safe: all per-article state lives in locals.
/// </summary>
public sealed class ArticleGenerator
{
    // Independent random streams per index, so adding a draw to one concern never shifts another.
    private const int ContentStream = 1;
    private const int DuplicateDecisionStream = 2;
    private const int RepublishStream = 3;
    private const int RelatedLinksStream = 4;

    // Syndicated copies appear within days of the original, i.e. among nearby indices.
    private const int DuplicateWindow = 1000;

    /// <summary>Creates a generator; null options mean the defaults (seed 42, 10% near-duplicates).</summary>
    public ArticleGenerator(ArticleGeneratorOptions? options = null)
    {
        Options = options ?? new ArticleGeneratorOptions();
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Options.NearDuplicateShare, 1.0);
    }

    /// <summary>The options this generator was created with.</summary>
    public ArticleGeneratorOptions Options { get; }

    /// <summary>Generates article <paramref name="index"/> (0-based).</summary>
    public GeneratedArticle Generate(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return NearDuplicateSource(index) is { } originalIndex
            ? Republish(index, originalIndex)
            : GenerateOriginal(index).Article;
    }

    /// <summary>True when article <paramref name="index"/> is drawn to be a near-duplicate (cheap: no text is built).</summary>
    public bool IsNearDuplicate(int index) =>
        index > 0 && DeterministicRng.For(Options.Seed, index, DuplicateDecisionStream).Chance(Options.NearDuplicateShare);

    private int? NearDuplicateSource(int index)
    {
        var rng = DeterministicRng.For(Options.Seed, index, DuplicateDecisionStream);
        if (index == 0 || !rng.Chance(Options.NearDuplicateShare))
        {
            return null;
        }

        // Copy only originals, so the ground truth is one hop and never a chain of copies.
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var candidate = rng.Next(Math.Max(0, index - DuplicateWindow), index);
            if (!IsNearDuplicate(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private (GeneratedArticle Article, StoryContext Story) GenerateOriginal(int index)
    {
        var rng = DeterministicRng.For(Options.Seed, index, ContentStream);
        var source = rng.Pick(Outlets.All);
        DateTimeOffset? publishedAt = rng.Chance(Options.MissingDateShare) ? null : ArticleAddressing.RandomPublicationTime(rng);
        var author = rng.Chance(Options.MissingAuthorShare) ? null : People.FullName(rng);
        var story = new StoryContext(rng, source, publishedAt);
        var expander = new TemplateExpander(rng, story);
        var title = expander.Sentence(rng.Pick(Templates.Titles));
        var anonymous = rng.Chance(Options.AnonymousSourcingShare);
        var disclaimer = rng.Chance(Options.AiDisclaimerShare);
        var blocks = new ArticleBodyComposer(rng, expander).Compose(anonymous, disclaimer);
        var url = ArticleAddressing.Url(source, publishedAt, title, index, rng);
        var article = new GeneratedArticle(
            index, title, source, url, author, publishedAt, blocks, RelatedLinks(index, source), null, disclaimer, anonymous);
        return (article, story);
    }

    private GeneratedArticle Republish(int index, int originalIndex)
    {
        var (original, story) = GenerateOriginal(originalIndex);
        var rng = DeterministicRng.For(Options.Seed, index, RepublishStream);
        var source = rng.Pick(Outlets.All);
        if (source == original.Source)
        {
            source = Outlets.All[(Array.IndexOf(Outlets.All, source) + 1) % Outlets.All.Length];
        }

        story.Outlet = source;
        DateTimeOffset? publishedAt = rng.Chance(Options.MissingDateShare)
            ? null
            : original.PublishedAt is { } originalTime
                ? ArticleAddressing.Later(originalTime, rng)
                : ArticleAddressing.RandomPublicationTime(rng);
        var author = rng.Chance(Options.MissingAuthorShare) ? null : People.FullName(rng);
        var expander = new TemplateExpander(rng, story);
        var title = RepublishedTitle(original.Title, rng, expander);
        var blocks = NearDuplicateEditor.Edit(original, rng, expander);
        var disclaimer = rng.Chance(Options.AiDisclaimerShare);
        if (disclaimer)
        {
            blocks.Add(ArticleBlock.Paragraph(rng.Pick(FramingTemplates.AiDisclaimers)));
        }

        var url = ArticleAddressing.Url(source, publishedAt, title, index, rng);
        return new GeneratedArticle(index, title, source, url, author, publishedAt, blocks,
            RelatedLinks(index, source), originalIndex, disclaimer, original.UsesAnonymousSourcing);
    }

    private static string RepublishedTitle(string originalTitle, DeterministicRng rng, TemplateExpander expander)
    {
        if (rng.Chance(0.4))
        {
            return rng.Pick(FramingTemplates.RepublishedTitlePrefixes) + originalTitle;
        }

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var rewritten = expander.Sentence(rng.Pick(Templates.Titles));
            if (rewritten != originalTitle)
            {
                return rewritten;
            }
        }

        return "Update: " + originalTitle;
    }

    private IReadOnlyList<RelatedLink> RelatedLinks(int index, NewsSource source)
    {
        var rng = DeterministicRng.For(Options.Seed, index, RelatedLinksStream);
        var links = new RelatedLink[rng.Next(3, 6)];
        for (var i = 0; i < links.Length; i++)
        {
            var story = new StoryContext(rng, source, null);
            var title = new TemplateExpander(rng, story).Sentence(rng.Pick(Templates.Titles));
            // Related stories are older coverage; any id in the corpus range reads plausibly.
            var url = ArticleAddressing.Url(source, ArticleAddressing.RandomPublicationTime(rng), title, rng.Next(int.MaxValue), rng);
            links[i] = new RelatedLink(title, url);
        }

        return links;
    }
}
