namespace PolicyTracker.Web.Entities;

/// <summary>Patterns for what no gazetteer lists yet: new versions of known model families, product-version names, and people.</summary>
public sealed partial class EntityMatcher
{
    /// <summary>Words naming a variant of a model ("Claude Opus 5.2", "Gemini 4 Flash", "Qwen 4.1-Max").</summary>
    static readonly HashSet<string> Variants = ["Opus", "Sonnet", "Haiku", "Large", "Medium", "Small", "Pro", "Flash", "Ultra", "Max", "Mini", "mini",
        "Scout", "Maverick", "Behemoth", "Instruct", "Turbo", "Nano", "Lite", "Plus", "Seed", "Coder", "Reasoner", "Thinking"];

    /// <summary>Titles before a name; they are not part of the mention.</summary>
    static readonly HashSet<string> Titles = ["Senator", "Sen", "Rep", "Representative", "Dr", "Colonel", "Commissioner", "Minister", "Secretary",
        "Professor", "Prof", "Judge", "Governor", "Chair", "Chairwoman", "Chairman", "Director", "director", "Mr", "Ms", "Mrs", "Ambassador",
        "Justice", "Mayor", "spokesperson", "spokeswoman", "spokesman", "Spokesperson", "CEO", "executive", "officer", "founder", "researcher",
        "analyst", "economist", "lawyer", "President", "president", "Chancellor", "Counsel", "counsel", "head", "Head", "MEP", "Lieutenant", "Admiral"];

    static readonly HashSet<string> Speech = ["said", "says", "told", "added", "wrote", "argued", "warned", "noted", "explained", "stressed", "testified"];

    /// <summary>Capitalised words that open sentences or name times and places rather than people.</summary>
    static readonly HashSet<string> NotNames = ["The", "A", "An", "But", "And", "In", "On", "At", "For", "If", "When", "While", "This", "That", "It", "Its",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December", "Officials", "Critics", "Industry", "Some", "Most", "One", "Both", "He", "She", "They", "We"];

    readonly Families families;

    sealed record Families(Dictionary<string, (string Name, bool? Hyphen)> ByToken, HashSet<string> Brands);

    static Families BuildFamilies(IEnumerable<GazetteerEntry> gazetteer)
    {
        var models = gazetteer.Where(e => e.Type == EntityTypes.Model).ToList();
        var byToken = new Dictionary<string, (string, bool?)>();
        var brands = new HashSet<string>();
        foreach (var e in models)
        {
            foreach (var alias in e.Aliases.Prepend(e.Name).Where(a => !a.Any(char.IsDigit)))
            {
                var words = alias.Replace(" models", "").Replace(" series", "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0 || words[^1].Contains('-') || words[^1].Length < 2 || words[^1].All(char.IsLower) || Variants.Contains(words[^1])) continue;
                byToken.TryAdd(words[^1], (words[^1], null));
                foreach (var brand in words[..^1]) brands.Add(brand);
            }
        }
        // How each family writes its versions, as the gazetteer's versioned names show ("GPT-5.6" but "Grok 4").
        foreach (var e in models.Where(e => e.Name.Any(char.IsDigit)))
        {
            var cut = e.Name.IndexOfAny([' ', '-']);
            if (cut > 0 && byToken.TryGetValue(e.Name[..cut], out var f) && f.Item2 is null) byToken[e.Name[..cut]] = (f.Item1, e.Name[cut] == '-');
        }
        return new Families(byToken, brands);
    }

    /// <summary>A known model family followed by a version ("GPT 5.7", "Amazon Nova 2", "Qwen4.1-Max"), or a product-version name ("GLM-5.2").</summary>
    (int Length, string Name)? MatchModel(List<EntityToken> t, int i)
    {
        var j = i;
        if (families.Brands.Contains(t[j].Norm) && j + 1 < t.Count && Adjacent(t, j, 1) && families.ByToken.ContainsKey(t[j + 1].Norm)) j++;
        string family; string? glued = null;
        if (families.ByToken.ContainsKey(t[j].Norm)) family = t[j].Norm;
        // A family glued to its version ends in a digit: other words need not be compared with every family.
        else if (t[j].Norm is [.., var last] && char.IsDigit(last)
                 && families.ByToken.Keys.FirstOrDefault(f => t[j].Norm.Length > f.Length && t[j].Norm.StartsWith(f, StringComparison.Ordinal) && t[j].Norm[f.Length..].All(char.IsDigit)) is { } f)
            (family, glued) = (f, t[j].Norm[f.Length..]);
        else return GenericProduct(t, i);

        var k = j + 1;
        var before = new List<string>();
        var hyphenWritten = false;
        string? version = glued;
        if (version is null)
        {
            while (k < t.Count && Adjacent(t, k - 1, 1) && t[k].IsWord && (Variants.Contains(t[k].Norm) || (t[k].Norm.Length == 1 && char.IsUpper(t[k].Norm[0]))))
                before.Add(t[k++].Norm);
            if (k < t.Count && t[k].Norm == "-" && t[k].Start == t[k - 1].End) { hyphenWritten = true; k++; }
            if (k >= t.Count || !IsVersion(t[k].Norm) || (t[k].Start > t[k - 1].End + 1)) return null;
            version = t[k++].Norm;
        }
        while (k + 1 < t.Count && t[k].Norm == "." && t[k].Start == t[k - 1].End && t[k + 1].End > t[k].End && char.IsDigit(t[k + 1].Norm[0]) && t[k + 1].Start == t[k].End)
        {
            version += "." + t[k + 1].Norm;
            k += 2;
        }
        var after = "";
        while (k < t.Count)
        {
            if (t[k].Norm == "-" && t[k].Start == t[k - 1].End && k + 1 < t.Count && Variants.Contains(t[k + 1].Norm)) { after += "-" + t[k + 1].Norm; k += 2; }
            else if (Variants.Contains(t[k].Norm) && t[k].Start == t[k - 1].End + 1) { after += " " + t[k].Norm; k++; }
            else break;
        }
        var hyphen = before.Count == 0 && (families.ByToken[family].Hyphen ?? hyphenWritten);
        var head = string.Join(' ', [family, .. before]);
        return (k - i, head + (hyphen ? "-" : " ") + version + after);
    }

    // An upper-case product name joined to a dotted version: "GLM-5.2", "XR-2.5".
    static (int, string)? GenericProduct(List<EntityToken> t, int i)
    {
        if (i + 4 >= t.Count || t[i].Norm.Length is < 2 or > 6 || !t[i].Norm.All(char.IsUpper)) return null;
        if (t[i + 1].Norm != "-" || t[i + 2].Norm.Any(c => !char.IsDigit(c)) || t[i + 3].Norm != "." || !t[i + 4].Norm.All(char.IsDigit)) return null;
        if (t[i + 4].End - t[i].Start != t[i].Norm.Length + t[i + 2].Norm.Length + t[i + 4].Norm.Length + 2) return null; // written without spaces
        return (5, $"{t[i].Norm}-{t[i + 2].Norm}.{t[i + 4].Norm}");
    }

    static bool IsVersion(string s) =>
        char.IsDigit(s[0]) && s.Length <= 4 || s.Length is >= 2 and <= 4 && char.IsUpper(s[0]) && s[1..].All(char.IsDigit);

    static bool Adjacent(List<EntityToken> t, int k, int gap) => k + 1 < t.Count && t[k + 1].Start - t[k].End <= gap;

    /// <summary>A name after a title ("Senator Mara Quill") or next to a verb of speech ("Amelia Corwin said").</summary>
    (int Start, int Length)? MatchPerson(List<EntityToken> t, int i)
    {
        if (Titles.Contains(t[i].Norm))
        {
            var k = i + 1;
            if (k < t.Count && t[k].Norm == ".") k++;
            var n = NameLength(t, k);
            return n >= 2 ? (k, n) : null;
        }
        if (t[i].Norm is "said" or "says" && i + 1 < t.Count && NameLength(t, i + 1) is var m and >= 2) return (i + 1, m);
        // A name next to a verb of speech starts a run of capitalised words ("Foreign Affairs Kaia Lind said" is not a name).
        if (i > 0 && t[i].AfterSpace && t[i - 1].IsWord && t[i - 1].IsCapitalised) return null;
        var length = NameLength(t, i);
        if (length < 2) return null;
        var next = i + length;
        if (next < t.Count && (Speech.Contains(t[next].Norm) || (t[next].Norm == "," && next + 1 < t.Count && t[next + 1].Norm is "who" or "whose"))) return (i, length);
        return null;
    }

    /// <summary>How many tokens of two or three capitalised names start at <paramref name="k"/> (hyphenated parts included).</summary>
    int NameLength(List<EntityToken> t, int k)
    {
        var words = 0;
        var end = k;
        while (end < t.Count && words < 3 && IsNameWord(t[end]) && (words == 0 || t[end].AfterSpace))
        {
            if (words == 0 && LongestAlias(t, end).Entry is not null) break;
            end++;
            words++;
            while (end + 1 < t.Count && t[end].Norm is "-" or "'" && t[end].Start == t[end - 1].End && t[end + 1].IsWord && !t[end + 1].Norm.Any(char.IsDigit) && t[end + 1].Start == t[end].End) end += 2;
        }
        return words >= 2 ? end - k : 0;
    }

    static bool IsNameWord(EntityToken token) =>
        token.IsWord && token.IsCapitalised && token.Norm.Length >= 2 && !token.Norm.All(char.IsUpper) && !token.Norm.Any(char.IsDigit) && !NotNames.Contains(token.Norm)
        && !Titles.Contains(token.Norm) && !Heads.ContainsKey(token.Norm);

    /// <summary>Adds later surname-only mentions ("Corwin said") of people found by their full name.</summary>
    static List<FoundEntity> AddSurnames(string text, List<EntityToken> tokens, List<FoundEntity> found)
    {
        var people = found.Where(f => f.Type == EntityTypes.Person).ToList();
        if (people.Count == 0) return found;
        var covered = found.Select(f => (f.Start, f.End)).ToList();
        // Each person's surname, worked out once rather than for every capitalised word.
        var surnames = people.Select(p => (Person: p, Surname: LastWord(text[p.Start..p.End]))).ToList();
        var extra = new List<FoundEntity>();
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            if (!token.IsCapitalised || covered.Any(c => token.Start < c.End && token.End > c.Start)) continue;
            if (k + 1 < tokens.Count && tokens[k + 1].IsCapitalised && tokens[k + 1].IsWord && tokens[k + 1].Start == token.End + 1) continue;
            var person = surnames.FirstOrDefault(p => p.Person.Start < token.Start && p.Surname == token.Norm).Person;
            if (person is not null) extra.Add(person with { Start = token.Start, End = token.End });
        }
        return extra.Count == 0 ? found : [.. found.Concat(extra).OrderBy(f => f.Start)];
    }

    static string LastWord(string name) => EntityTokens.Of(name).LastOrDefault(t => t.IsWord).Norm ?? "";
}
