using System.Text.RegularExpressions;

namespace PolicyTracker.Evaluation.Extraction;

/// <summary>What an extractor produced for one page, in the shape upstream compares.</summary>
sealed record Extracted(string? Title, string? Byline, string? Excerpt, string? SiteName, string? Lang, DateTimeOffset? Published, string Text);

/// <summary>What upstream expects for one page.</summary>
sealed record Expected(string? Title, string? Byline, string? Excerpt, string? SiteName, string? Lang, string? PublishedTime, string Text);

/// <summary>One field that did not match.</summary>
sealed record Miss(string Field, string? Expected, string? Got);

/// <summary>How one extractor did on one page.</summary>
sealed record PageScore(string Page, IReadOnlyList<Miss> Misses, double F1, string[] Missing, string[] Extra, bool? PublishedRight, bool? LangRight)
{
    static readonly string[] Always = ["title", "byline", "excerpt", "siteName"];

    /// <summary>Compares <paramref name="got"/> with <paramref name="expected"/> field by field and the text by token F1.</summary>
    public static PageScore Of(string page, Expected expected, Extracted? got)
    {
        got ??= new Extracted(null, null, null, null, null, null, "");
        var misses = new List<Miss>();
        void Check(string field, string? want, string? have)
        {
            if (Normal(want) != Normal(have)) misses.Add(new Miss(field, want, have));
        }
        Check(Always[0], expected.Title, got.Title);
        Check(Always[1], expected.Byline, got.Byline);
        Check(Always[2], expected.Excerpt, got.Excerpt);
        Check(Always[3], expected.SiteName, got.SiteName);
        bool? lang = null, published = null;
        if (!string.IsNullOrWhiteSpace(expected.Lang))
        {
            lang = string.Equals(Normal(expected.Lang), Normal(got.Lang), StringComparison.OrdinalIgnoreCase);
            if (lang == false) misses.Add(new Miss("lang", expected.Lang, got.Lang));
        }
        if (!string.IsNullOrWhiteSpace(expected.PublishedTime))
        {
            var want = DateTimeOffset.TryParse(expected.PublishedTime, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var w) ? w : (DateTimeOffset?)null;
            published = want is not null && got.Published is not null && want.Value.UtcDateTime == got.Published.Value.UtcDateTime;
            if (published == false) misses.Add(new Miss("publishedTime", expected.PublishedTime, got.Published?.ToString("O")));
        }
        var (f1, missing, extra) = TokenF1(expected.Text, got.Text);
        return new PageScore(page, misses, f1, missing, extra, published, lang);
    }

    /// <summary>Whitespace runs collapsed and trimmed; empty is the same as absent.</summary>
    public static string Normal(string? s) => Regex.Replace(s ?? "", @"\s+", " ").Trim();

    /// <summary>F1 over the bags of lower-cased word tokens, with samples of the tokens missed and added.</summary>
    public static (double F1, string[] Missing, string[] Extra) TokenF1(string expected, string got)
    {
        var want = Bag(expected);
        var have = Bag(got);
        var wantCount = want.Values.Sum();
        var haveCount = have.Values.Sum();
        if (wantCount == 0 && haveCount == 0) return (1, [], []);
        var common = want.Sum(kv => Math.Min(kv.Value, have.GetValueOrDefault(kv.Key)));
        if (common == 0) return (0, Sample(want, have), Sample(have, want));
        var precision = (double)common / haveCount;
        var recall = (double)common / wantCount;
        return (2 * precision * recall / (precision + recall), Sample(want, have), Sample(have, want));
    }

    static Dictionary<string, int> Bag(string text)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in Regex.Matches(text.ToLowerInvariant(), @"\w+")) bag[m.Value] = bag.GetValueOrDefault(m.Value) + 1;
        return bag;
    }

    static string[] Sample(Dictionary<string, int> a, Dictionary<string, int> b) =>
        a.Where(kv => kv.Value > b.GetValueOrDefault(kv.Key)).OrderByDescending(kv => kv.Value - b.GetValueOrDefault(kv.Key))
            .Take(12).Select(kv => $"{kv.Key}×{kv.Value - b.GetValueOrDefault(kv.Key)}").ToArray();
}
