namespace PolicyTracker.Web.Entities;

/// <summary>An entity found in text: canonical name, type, the gazetteer entry when known, and the span in UTF-16 units.</summary>
public sealed record FoundEntity(string Name, string Type, int? EntityId, int Start, int End);

/// <summary>A gazetteer entry as the matcher sees it.</summary>
public sealed record GazetteerEntry(int Id, string Name, string Type, IReadOnlyList<string> Aliases);

/// <summary>
/// Finds entities in one pass over the text's tokens: a trie of every name and alias (longest
/// match wins), then patterns for unseen model versions and people, then later surname-only
/// mentions of people already found. Built once per gazetteer version and shared by threads.
/// </summary>
public sealed partial class EntityMatcher
{
    readonly TrieNode root = new();
    readonly Dictionary<int, GazetteerEntry> entries;

    public EntityMatcher(IEnumerable<GazetteerEntry> gazetteer)
    {
        entries = [];
        foreach (var entry in gazetteer)
        {
            entries[entry.Id] = entry;
            // "Mistral models" names the family; the mention is "Mistral" (trailing common nouns are not part of it).
            var names = entry.Name.EndsWith(" models", StringComparison.Ordinal) ? entry.Aliases : entry.Aliases.Prepend(entry.Name);
            foreach (var alias in names.Distinct()) AddAlias(alias, entry);
        }
        families = BuildFamilies(entries.Values);
    }

    void AddAlias(string alias, GazetteerEntry entry)
    {
        var tokens = EntityTokens.Of(alias).Select(t => t.Norm).ToList();
        if (tokens.Count == 0) return;
        if (tokens[0] is "the" or "The")
        {
            // A leading "the" is not part of a mention, except in a parent-and-unit possessive.
            if (tokens.Contains("'"))
            {
                Insert(["the", .. tokens[1..]], entry);
                Insert(["The", .. tokens[1..]], entry);
                return;
            }
            tokens = tokens[1..];
            if (tokens.Count == 0) return;
        }
        // Titles are not part of a person's mention ("Dr. Naomi Achebe" is found as "Naomi Achebe").
        while (entry.Type == EntityTypes.Person && tokens.Count > 2 && Titles.Contains(tokens[0]))
            tokens = tokens[1] == "." ? tokens[2..] : tokens[1..];
        Insert(tokens, entry);
    }

    void Insert(IReadOnlyList<string> tokens, GazetteerEntry entry)
    {
        var node = root;
        foreach (var t in tokens)
        {
            node.Next ??= [];
            if (!node.Next.TryGetValue(t, out var next)) node.Next[t] = next = new TrieNode();
            node = next;
        }
        node.Entry ??= entry; // the first entry listed keeps an alias two entries share
    }

    /// <summary>Every entity mention in <paramref name="text"/>, in order, never overlapping.</summary>
    public List<FoundEntity> Find(string text)
    {
        var tokens = EntityTokens.Of(text);
        var found = new List<FoundEntity>();
        var i = 0;
        while (i < tokens.Count)
        {
            var (length, entry) = LongestAlias(tokens, i);
            var model = tokens[i].IsWord ? MatchModel(tokens, i) : null;
            var institution = tokens[i].IsWord ? MatchInstitution(tokens, i) : null;
            if (institution is not null && institution.Value.Length > Math.Max(length, model?.Length ?? 0))
            {
                var (n, type) = institution.Value;
                found.Add(new FoundEntity(text[tokens[i].Start..tokens[i + n - 1].End], type, null, tokens[i].Start, tokens[i + n - 1].End));
                i += n;
                continue;
            }
            if (model is not null && model.Value.Length > length)
            {
                var (n, name) = model.Value;
                found.Add(new FoundEntity(name, EntityTypes.Model, null, tokens[i].Start, tokens[i + n - 1].End));
                i += n;
                continue;
            }
            if (entry is not null && !GenericUse(tokens, i, length, entry))
            {
                found.Add(new FoundEntity(entry.Name, entry.Type, entry.Id, tokens[i].Start, tokens[i + length - 1].End));
                i += length;
                continue;
            }
            if (MatchPerson(tokens, i) is { } person)
            {
                var (from, to) = (tokens[person.Start].Start, tokens[person.Start + person.Length - 1].End);
                found.Add(new FoundEntity(text[from..to], EntityTypes.Person, null, from, to));
                i = person.Start + person.Length;
                continue;
            }
            i++;
        }
        return AddSurnames(text, tokens, Possessives(text, found));
    }

    (int Length, GazetteerEntry? Entry) LongestAlias(List<EntityToken> tokens, int start)
    {
        var node = root;
        (int, GazetteerEntry?) best = (0, null);
        for (var k = start; k < tokens.Count && node.Next is not null && node.Next.TryGetValue(tokens[k].Norm, out var next); k++)
        {
            node = next;
            // A name ends at a word boundary: "GPT" is not found inside "GPT5" (a separate token anyway) nor "AI" in "AI21".
            if (node.Entry is not null) best = (k - start + 1, node.Entry);
        }
        return best;
    }

    // "Deputy Commerce Secretary" is a job title, not the department.
    static bool JobTitle(List<EntityToken> tokens, int after) =>
        after < tokens.Count && tokens[after].Norm is "Secretary" or "Minister" or "Secretaries" or "Ministers";

    // "GPT-like", "GPT-style", and a one-word model family followed by a name ("Claude Fontaine") are not the model.
    bool GenericUse(List<EntityToken> tokens, int start, int length, GazetteerEntry entry)
    {
        if (entry.Type == EntityTypes.GovernmentBody && JobTitle(tokens, start + length)) return true;
        if (entry.Type != EntityTypes.Model || length != 1) return false;
        var after = start + 1;
        if (after + 1 < tokens.Count && tokens[after].Norm == "-" && tokens[after].Start == tokens[start].End
            && char.IsLower(tokens[after + 1].Norm[0])) return true;
        return after < tokens.Count && tokens[after].Start == tokens[start].End + 1 && tokens[after].IsWord && tokens[after].IsCapitalised
            && !Variants.Contains(tokens[after].Norm) && !char.IsDigit(tokens[after].Norm[0]) && tokens[after].Norm.Length > 2;
    }

    sealed class TrieNode
    {
        public Dictionary<string, TrieNode>? Next;
        public GazetteerEntry? Entry;
    }
}
