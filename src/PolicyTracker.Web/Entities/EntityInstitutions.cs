namespace PolicyTracker.Web.Entities;

/// <summary>Unseen bodies, organisations, programmes and instruments named by a capitalised phrase with a telling head word.</summary>
public sealed partial class EntityMatcher
{
    /// <summary>Head words and the type of the name they end (or open: "Department of …").</summary>
    static readonly Dictionary<string, string> Heads = new()
    {
        ["Department"] = EntityTypes.GovernmentBody, ["Ministry"] = EntityTypes.GovernmentBody, ["Agency"] = EntityTypes.GovernmentBody,
        ["Administration"] = EntityTypes.GovernmentBody, ["Office"] = EntityTypes.GovernmentBody, ["Commission"] = EntityTypes.GovernmentBody,
        ["Committee"] = EntityTypes.GovernmentBody, ["Bureau"] = EntityTypes.GovernmentBody, ["Authority"] = EntityTypes.GovernmentBody,
        ["Headquarters"] = EntityTypes.GovernmentBody, ["Senate"] = EntityTypes.GovernmentBody, ["Assembly"] = EntityTypes.GovernmentBody,
        ["Regulator"] = EntityTypes.GovernmentBody, ["Inspectorate"] = EntityTypes.GovernmentBody,
        ["University"] = EntityTypes.Organization, ["Foundation"] = EntityTypes.Organization, ["Association"] = EntityTypes.Organization,
        ["Institute"] = EntityTypes.Organization, ["Bank"] = EntityTypes.Organization, ["Alliance"] = EntityTypes.Organization,
        ["Coalition"] = EntityTypes.Organization, ["Society"] = EntityTypes.Organization, ["Corporation"] = EntityTypes.Organization,
        ["Labs"] = EntityTypes.Organization, ["Consortium"] = EntityTypes.Organization,
        ["Scheme"] = EntityTypes.Programme, ["Sandbox"] = EntityTypes.Programme, ["Partnership"] = EntityTypes.Programme,
        ["Programme"] = EntityTypes.Programme, ["Program"] = EntityTypes.Programme, ["Pilot"] = EntityTypes.Programme,
        ["Initiative"] = EntityTypes.Programme, ["Mission"] = EntityTypes.Programme,
        ["Act"] = EntityTypes.PolicyInstrument, ["Bill"] = EntityTypes.PolicyInstrument, ["Directive"] = EntityTypes.PolicyInstrument,
        ["Regulation"] = EntityTypes.PolicyInstrument, ["Memorandum"] = EntityTypes.PolicyInstrument, ["Framework"] = EntityTypes.PolicyInstrument,
        ["Code"] = EntityTypes.PolicyInstrument, ["Declaration"] = EntityTypes.PolicyInstrument,
    };

    static readonly HashSet<string> Joiners = ["of", "and", "for", "on", "de", "du", "&"];

    /// <summary>"Stanford University", "Department of Veterans Affairs", "Sovereign Compute Voucher Scheme", "Memorandum M-26-14".</summary>
    (int Length, string Type)? MatchInstitution(List<EntityToken> t, int i)
    {
        if (!t[i].IsCapitalised || NotNames.Contains(t[i].Norm) || Titles.Contains(t[i].Norm)) return null;
        // A memorandum named by its number.
        if (t[i].Norm == "Memorandum" && i + 5 < t.Count && t[i + 1].Norm.Length == 1 && char.IsUpper(t[i + 1].Norm[0]) && t[i + 2].Norm == "-"
            && t[i + 3].Norm.All(char.IsDigit) && t[i + 4].Norm == "-" && t[i + 5].Norm.All(char.IsDigit)) return (6, EntityTypes.PolicyInstrument);
        var k = i;
        var last = -1;
        string? type = null;
        var complement = false;
        (int Last, string? Type)? beforeAnd = null;
        while (k < t.Count && k - i < 8 && (k == i || t[k].AfterSpace))
        {
            var word = t[k].Norm;
            if (NotNames.Contains(word) && k > i) break;
            if (t[k].IsWord && (t[k].IsCapitalised || char.IsDigit(word[0])))
            {
                // A second name after "and" ("… Veterans Affairs and Stanford University") is a name of its own.
                if (Heads.ContainsKey(word) && beforeAnd is { } previous && previous.Type is not null) { (last, type) = previous; break; }
                if (Heads.TryGetValue(word, out var headType)) { type = headType; last = k; }
                else if (type is not null && k > i && Heads.ContainsKey(t[i].Norm)) last = k; // "Department of Veterans Affairs"
                k++;
            }
            // "and" joins words inside a complement ("Committee on Communications and Technology"), not two names.
            else if (Joiners.Contains(word) && (word != "and" || complement) && k > i && k + 1 < t.Count && t[k + 1].IsCapitalised)
            {
                if (word == "and") beforeAnd ??= (last, type);
                complement = true;
                k++;
            }
            else break;
        }
        if (type is null || last <= i) return null;
        // "US Bureau" is a jurisdiction and a common noun, not a name.
        if (Enumerable.Range(i, last - i + 1).Count(x => t[x].IsWord && !(t[x].Norm.Length <= 2 && t[x].Norm.All(char.IsUpper))) < 2) return null;
        // The head opens the name ("Department of …") or ends it ("… University"); a lone head word is a common noun.
        return (last - i + 1, type);
    }
}

public sealed partial class EntityMatcher
{
    static readonly HashSet<string> Units = [EntityTypes.GovernmentBody, EntityTypes.Organization];

    /// <summary>
    /// "The European Commission's AI Office" is one mention of the unit, from the article on;
    /// an owner's possessive before a product or policy ("OpenAI's GPT-5.7") stays two mentions.
    /// </summary>
    static List<FoundEntity> Possessives(string text, List<FoundEntity> found)
    {
        var result = new List<FoundEntity>(found.Count);
        for (var k = 0; k < found.Count; k++)
        {
            var f = found[k];
            if (k + 1 < found.Count && Units.Contains(f.Type) && Units.Contains(found[k + 1].Type)
                && text.AsSpan(f.End, found[k + 1].Start - f.End).Trim().ToString() is "'s" or "\u2019s")
            {
                result.Add(found[k + 1] with { Start = WithArticle(text, f.Start) });
                k++;
                continue;
            }
            // A gazetteer name written as a possessive phrase ("Pentagon's Chief Digital and AI Office") starts at its article too.
            result.Add(text.AsSpan(f.Start, f.End - f.Start).Contains("'s", StringComparison.Ordinal) ? f with { Start = WithArticle(text, f.Start) } : f);
        }
        return result;
    }

    static int WithArticle(string text, int start)
    {
        foreach (var article in new[] { "the ", "The " })
            if (start >= article.Length && text.AsSpan(start - article.Length, article.Length).SequenceEqual(article)
                && (start == article.Length || !char.IsLetterOrDigit(text[start - article.Length - 1]))) return start - article.Length;
        return start;
    }
}
