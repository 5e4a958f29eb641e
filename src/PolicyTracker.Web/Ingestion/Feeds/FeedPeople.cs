using System.Text.RegularExpressions;

namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>Splits the ways feeds write a person in one string: "email (Name)", "Name &lt;email&gt;", "Name (email)", bare email or bare name.</summary>
static partial class FeedPeople
{
    /// <summary>The person named by the text, or null when it is blank.</summary>
    public static FeedPerson? Parse(string? text)
    {
        var value = text is null ? "" : Whitespace().Replace(text, " ").Trim();
        if (value.Length == 0) return null;

        var angle = NameAngleEmail().Match(value);
        if (angle.Success) return Person(angle.Groups["name"].Value, angle.Groups["email"].Value);

        var parens = OuterParens().Match(value);
        if (parens.Success)
        {
            var (outside, inside) = (parens.Groups["outside"].Value.Trim(), parens.Groups["inside"].Value.Trim());
            if (Email().IsMatch(outside)) return Person(inside, outside);
            if (Email().IsMatch(inside)) return Person(outside, inside);
        }

        var embedded = Email().Match(value);
        if (embedded.Success)
        {
            var rest = (value[..embedded.Index] + value[(embedded.Index + embedded.Length)..]).Trim(' ', '(', ')', '<', '>', ',', '-');
            return Person(rest, embedded.Value);
        }
        return new FeedPerson(value, null, null);
    }

    static FeedPerson Person(string name, string email)
    {
        var cleanName = name.Trim().Trim('"', '\'').Trim();
        var cleanEmail = email.Trim().Trim('<', '>');
        if (cleanEmail.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) cleanEmail = cleanEmail[7..];
        return new FeedPerson(cleanName.Length > 0 ? cleanName : null, cleanEmail.Length > 0 ? cleanEmail : null, null);
    }

    [GeneratedRegex(@"^(?<name>[^<]*)<(?<email>[^<>@\s]+@[^<>\s]+)>$")]
    private static partial Regex NameAngleEmail();

    [GeneratedRegex(@"^(?<outside>[^()]*)\((?<inside>[^()]*)\)$")]
    private static partial Regex OuterParens();

    [GeneratedRegex(@"(?:mailto:)?[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.IgnoreCase)]
    private static partial Regex Email();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
