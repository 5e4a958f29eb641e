using System.Text.RegularExpressions;
using PolicyTracker.Benchmarks.Generation;

namespace PolicyTracker.Benchmarks.Scenarios;

/// <summary>
/// Saved searches as analysts write them, drawn from the words and names of a sample of the
/// generated coverage: phrases of names, pairs of topic words, fields, facets and boolean logic.
/// Words come from the middle of the frequency range (in 0.2% to 5% of articles), as a useful
/// alert is neither "the" nor a word that never appears.
/// </summary>
public static partial class SavedQueryGenerator
{
    /// <summary><paramref name="count"/> queries in the Search page's language, deterministic for a seed.</summary>
    public static List<string> Generate(IReadOnlyList<(string Title, string Text)> sample, IReadOnlyList<string> sources, int count, int seed)
    {
        // Frequencies of stems, as the index counts them: "rulings" is as common as "rule".
        using var analyzer = PolicyTracker.Web.Search.SearchIndex.CreateAnalyzer();
        var stems = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? Stem(string word)
        {
            if (stems.TryGetValue(word, out var known)) return known;
            using var stream = analyzer.GetTokenStream("text", word);
            var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            stream.Reset();
            var stem = stream.IncrementToken() ? term.ToString() : null;
            stream.End();
            return stems[word] = stem;
        }
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (title, text) in sample)
        {
            foreach (var stem in Words().Matches(title + " " + text).Select(m => Stem(m.Value.ToLowerInvariant())).OfType<string>().Distinct())
                documentFrequency[stem] = documentFrequency.GetValueOrDefault(stem) + 1;
            foreach (Match name in Names().Matches(title)) names.Add(name.Value);
        }
        var words = stems.Where(w => w.Value is not null && documentFrequency.GetValueOrDefault(w.Value) is var df && df >= Math.Max(1, sample.Count / 500) && df <= sample.Count * 0.05)
            .Select(w => w.Key).Order(StringComparer.Ordinal).ToArray();
        var phrases = names.Order(StringComparer.Ordinal).ToArray();
        var rng = DeterministicRng.For(seed, 0, 9);
        string W() => words[rng.Next(words.Length)];
        var queries = new List<string>(count);
        while (queries.Count < count)
        {
            var roll = rng.Next(100);
            queries.Add(roll switch
            {
                < 30 when phrases.Length > 0 => $"\"{phrases[rng.Next(phrases.Length)]}\" AND {W()}",
                < 55 => $"{W()} AND {W()}",
                < 70 => $"{W()} {W()} {W()}",
                < 80 => $"source:\"{sources[rng.Next(sources.Count)]}\" AND {W()}",
                < 90 => $"title:{W()} AND {W()}",
                _ => $"({W()} OR {W()}) AND {W()} AND NOT {W()}",
            });
        }
        return queries;
    }

    [GeneratedRegex(@"\b[A-Za-z]{4,}\b")]
    private static partial Regex Words();

    // Two or three capitalised words in a row, or a model name with a version: "Frontier Safety Act", "GPT-5.6".
    [GeneratedRegex(@"\b[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}\b|\b[A-Z][A-Za-z]+-\d+(?:\.\d)?\b")]
    private static partial Regex Names();
}
