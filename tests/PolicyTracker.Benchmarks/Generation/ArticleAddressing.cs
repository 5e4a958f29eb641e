using System.Globalization;
using System.Text;
using PolicyTracker.Benchmarks.Generation.Lexicon;

namespace PolicyTracker.Benchmarks.Generation;

/// <summary>Publication dates and URLs in the shapes news sites use.</summary>
internal static class ArticleAddressing
{
    private const int MaxSlugLength = 72;
    private static readonly DateTimeOffset FirstDay = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastDay = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
    private static readonly int DaySpan = (int)(LastDay - FirstDay).TotalDays + 1;

    /// <summary>A publication time between 2025-01-01 and 2026-11-30 UTC, in working hours, often on a 5-minute mark.</summary>
    public static DateTimeOffset RandomPublicationTime(DeterministicRng rng)
    {
        var minute = rng.Chance(0.6) ? rng.Next(12) * 5 : rng.Next(60);
        return FirstDay.AddDays(rng.Next(DaySpan)).AddHours(rng.Next(5, 23)).AddMinutes(minute);
    }

    /// <summary>A time a few hours to three days after <paramref name="original"/>, capped at the corpus end.</summary>
    public static DateTimeOffset Later(DateTimeOffset original, DeterministicRng rng)
    {
        var later = original.AddMinutes(rng.Next(20, 72 * 60));
        var end = LastDay.AddDays(1).AddMinutes(-1);
        return later > end ? end : later;
    }

    /// <summary>An article URL: section, date path when known, slug and a short id unique per index.</summary>
    public static string Url(NewsSource source, DateTimeOffset? publishedAt, string title, int index, DeterministicRng rng)
    {
        var section = rng.Pick(Outlets.Sections);
        // Multiplying by an odd constant is a bijection on 32 bits: ids look random yet never collide.
        var id = unchecked((uint)index * 2654435761u).ToString("x8", CultureInfo.InvariantCulture);
        var datePath = publishedAt is { } date
            ? date.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture)
            : string.Empty;
        return $"https://{source.Domain}/{section}/{datePath}{Slug(title)}-{id}";
    }

    /// <summary>Lower-case ASCII slug of a headline, cut at a word boundary.</summary>
    public static string Slug(string title)
    {
        var slug = new StringBuilder(title.Length);
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’' || char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                // "Japan's" becomes "japans" and "Brasília" becomes "brasilia", as CMSs usually do.
                continue;
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().TrimEnd('-');
        if (text.Length <= MaxSlugLength)
        {
            return text;
        }

        var cut = text.LastIndexOf('-', MaxSlugLength);
        return cut > 0 ? text[..cut] : text[..MaxSlugLength];
    }
}
