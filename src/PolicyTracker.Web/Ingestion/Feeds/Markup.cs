using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>Small conversions between feed text, HTML fragments and plain text.</summary>
static partial class Markup
{
    static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    /// <summary>Escapes plain text so it reads the same as HTML.</summary>
    public static string TextToHtml(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Plain text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed.</summary>
    public static string HtmlToText(string html)
    {
        var withoutTags = Tags().Replace(html, match => BlockTag().IsMatch(match.Value) ? " " : "");
        return Whitespace().Replace(WebUtility.HtmlDecode(withoutTags), " ").Trim();
    }

    /// <summary>True when text carries markup or character references rather than being plain.</summary>
    public static bool LooksLikeHtml(string text) => LooksLikeMarkup().IsMatch(text);

    /// <summary>Rewrites an HTML fragment into consistent markup: bare ampersands and stray '&lt;' escaped, void elements self-closed.</summary>
    public static string NormalizeHtml(string html)
    {
        var output = new StringBuilder(html.Length + 16);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '&')
            {
                var match = Reference().Match(html, i);
                output.Append(match.Success ? match.Value : "&amp;");
                i += match.Success ? match.Length : 1;
            }
            else if (c != '<') { output.Append(c); i++; }
            else if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                end = end < 0 ? html.Length : end + 3;
                output.Append(html, i, end - i);
                i = end;
            }
            else if (i + 1 < html.Length && html[i + 1] == '/' && i + 2 < html.Length && char.IsLetter(html[i + 2]))
            {
                var end = html.IndexOf('>', i);
                end = end < 0 ? html.Length : end + 1;
                output.Append("</").Append(html[(i + 2)..end].TrimEnd('>').Trim()).Append('>');
                i = end;
            }
            else if (i + 1 < html.Length && char.IsLetter(html[i + 1])) i = AppendStartTag(html, i, output);
            else { output.Append("&lt;"); i++; }
        }
        return output.ToString();
    }

    static int AppendStartTag(string html, int i, StringBuilder output)
    {
        var tag = TagReader.Read(html, i);
        output.Append('<').Append(tag.Name);
        foreach (var (name, value) in tag.Attributes)
            output.Append(' ').Append(name).Append("=\"").Append(EscapeAttribute(value)).Append('"');
        output.Append(tag.SelfClosing || VoidElements.Contains(tag.Name) ? " />" : ">");
        return tag.End;
    }

    // Attribute values keep their valid references; everything HTML could misread is escaped.
    static string EscapeAttribute(string value) =>
        NormalizeHtml(value.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>Decodes XML, numeric, document-declared and HTML entity references; unknown ones stay as written.</summary>
    public static string DecodeEntities(string text, IReadOnlyDictionary<string, string> declared)
    {
        if (!text.Contains('&')) return text;
        return AnyReference().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            if (name[0] == '#')
            {
                var isHex = name.Length > 1 && name[1] is 'x' or 'X';
                var ok = int.TryParse(isHex ? name[2..] : name[1..], isHex ? System.Globalization.NumberStyles.HexNumber : System.Globalization.NumberStyles.None, null, out var code);
                return ok && code is > 0 and <= 0x10FFFF && code is < 0xD800 or > 0xDFFF ? char.ConvertFromUtf32(code) : match.Value;
            }
            return name switch
            {
                "amp" => "&", "lt" => "<", "gt" => ">", "quot" => "\"", "apos" => "'",
                _ => declared.TryGetValue(name, out var value) ? value : EntityRepair.DecodeHtmlEntity(name) ?? match.Value,
            };
        });
    }

    /// <summary>Makes href and src attributes inside the fragment absolute against the base.</summary>
    public static string ResolveReferences(string html, Uri baseUri) =>
        TagWithUrl().Replace(html, tag => UrlAttribute().Replace(tag.Value, attribute =>
        {
            var decoded = WebUtility.HtmlDecode(attribute.Groups[2].Value);
            var resolved = FeedElements.ResolveUrl(decoded, baseUri) ?? decoded;
            return resolved == decoded ? attribute.Value : $"{attribute.Groups[1].Value}=\"{resolved.Replace("&", "&amp;", StringComparison.Ordinal)}\"";
        }));

    [GeneratedRegex(@"<[A-Za-z][^<>]*\s(?:href|src)=""[^""]*""[^<>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex TagWithUrl();

    [GeneratedRegex(@"\b(href|src)=""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex UrlAttribute();

    [GeneratedRegex(@"\G&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);")]
    private static partial Regex Reference();

    [GeneratedRegex(@"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);")]
    private static partial Regex AnyReference();

    [GeneratedRegex(@"<[/!]?[A-Za-z][^<>]*>?|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Tags();

    [GeneratedRegex(@"^</?(p|div|br|li|h[1-6]|tr|td|blockquote)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>|&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")]
    private static partial Regex LooksLikeMarkup();
}
