using System.Globalization;
using PolicyTracker.Benchmarks.Generation;

namespace PolicyTracker.Benchmarks.Scenarios;

/// <summary>Counts the ground-truth traits of a generated corpus, to check the configured shares.</summary>
internal sealed class CorpusTally(int size)
{
    private int _nearDuplicates;
    private int _disclaimers;
    private int _anonymous;
    private int _missingAuthor;
    private int _missingDate;

    /// <summary>Counts one article; safe from any thread.</summary>
    public void Record(GeneratedArticle article)
    {
        if (article.NearDuplicateOf is not null)
        {
            Interlocked.Increment(ref _nearDuplicates);
        }

        if (article.HasAiDisclaimer)
        {
            Interlocked.Increment(ref _disclaimers);
        }

        if (article.UsesAnonymousSourcing)
        {
            Interlocked.Increment(ref _anonymous);
        }

        if (article.Author is null)
        {
            Interlocked.Increment(ref _missingAuthor);
        }

        if (article.PublishedAt is null)
        {
            Interlocked.Increment(ref _missingDate);
        }
    }

    /// <summary>One line with each trait's share.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"Corpus: {size:N0} articles; near-duplicates {Share(_nearDuplicates)}, AI disclaimers {Share(_disclaimers)}, " +
        $"anonymous sourcing {Share(_anonymous)}, no author {Share(_missingAuthor)}, no date {Share(_missingDate)}");

    private string Share(int count) => (100.0 * count / size).ToString("0.0'%'", CultureInfo.InvariantCulture);
}
