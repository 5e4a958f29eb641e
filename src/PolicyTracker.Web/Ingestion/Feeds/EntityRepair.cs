using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>Rewrites references that XML does not know (HTML entities, bare ampersands) into ones it does.</summary>
static partial class EntityRepair
{
    static readonly HashSet<string> XmlEntities = ["amp", "lt", "gt", "quot", "apos"];

    /// <summary>The repaired text and the names of the entities that were rewritten.</summary>
    public static (string Text, List<string> Rewritten) Fix(string text)
    {
        var declared = DeclaredEntities(text);
        var rewritten = new List<string>();
        var output = new StringBuilder(text.Length + 64);
        var i = 0;
        while (i < text.Length)
        {
            var skip = SkipVerbatim(text, i);
            if (skip > i)
            {
                output.Append(text, i, skip - i);
                i = skip;
                continue;
            }
            if (text[i] != '&')
            {
                output.Append(text[i++]);
                continue;
            }
            var match = Reference().Match(text, i);
            if (!match.Success)
            {
                output.Append("&amp;");
                rewritten.Add("&");
                i++;
                continue;
            }
            var name = match.Groups[1].Value;
            output.Append(Rewrite(name, declared, rewritten));
            i += match.Length;
        }
        return (output.ToString(), rewritten.Distinct().ToList());
    }

    /// <summary>Decodes one entity name the way a browser would, or null when nobody knows it.</summary>
    public static string? DecodeHtmlEntity(string name)
    {
        var reference = "&" + name + ";";
        var decoded = WebUtility.HtmlDecode(reference);
        return decoded == reference ? null : decoded;
    }

    static string Rewrite(string name, HashSet<string> declared, List<string> rewritten)
    {
        if (name.StartsWith('#') || XmlEntities.Contains(name) || declared.Contains(name)) return "&" + name + ";";
        rewritten.Add(name);
        var decoded = DecodeHtmlEntity(name);
        if (decoded is null) return "&amp;" + name + ";";
        return string.Concat(decoded.EnumerateRunes().Select(r => $"&#{r.Value};"));
    }

    // CDATA sections, comments and the DOCTYPE are copied untouched: references mean nothing there.
    static int SkipVerbatim(string text, int i)
    {
        if (text[i] != '<') return i;
        foreach (var (open, closing) in new[] { ("<![CDATA[", "]]>"), ("<!--", "-->"), ("<!DOCTYPE", "]>") })
        {
            if (string.CompareOrdinal(text, i, open, 0, open.Length) != 0) continue;
            var close = open == "<!DOCTYPE" && text.IndexOf('[', i) is var bracket && (bracket < 0 || bracket > text.IndexOf('>', i)) ? ">" : closing;
            var end = text.IndexOf(close, i + open.Length, StringComparison.Ordinal);
            return end < 0 ? text.Length : end + close.Length;
        }
        return i;
    }

    /// <summary>Entity names declared in the document's internal DTD subset.</summary>
    public static HashSet<string> DeclaredEntities(string text) =>
        EntityDeclaration().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"\G&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z_][A-Za-z0-9._-]*);")]
    private static partial Regex Reference();

    [GeneratedRegex(@"<!ENTITY\s+([A-Za-z_][A-Za-z0-9._-]*)\s")]
    private static partial Regex EntityDeclaration();
}
