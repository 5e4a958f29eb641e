using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>A forgiving tag-soup reader for feeds XmlReader rejects: unclosed tags close at their parent's end or at end of input.</summary>
static partial class LenientXml
{
    static readonly HashSet<string> LeafElements =
        ["title", "link", "guid", "pubDate", "date", "author", "category", "id", "updated", "published", "comments", "language", "name", "email", "uri", "creator", "subject", "description"];

    static readonly HashSet<string> FeedElements =
        [.. LeafElements, "enclosure", "source", "content", "encoded", "summary", "contributor", "rights", "copyright", "lastBuildDate", "image", "url", "width", "height"];

    /// <summary>The first root element recovered from the text, or null when there is none.</summary>
    public static XElement? Parse(string text, out bool flattened)
    {
        flattened = false;
        var entities = InternalEntities(text);
        var open = new List<(XElement Element, Dictionary<string, string> Scope)>();
        XElement? root = null;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '<')
            {
                var end = text.IndexOf('<', i);
                if (end < 0) end = text.Length;
                if (open.Count > 0) open[^1].Element.Add(new XText(Markup.DecodeEntities(text[i..end], entities)));
                i = end;
                continue;
            }
            if (At(text, i, "<![CDATA["))
            {
                var end = Find(text, i + 9, "]]>");
                if (open.Count > 0) open[^1].Element.Add(new XCData(text[(i + 9)..Math.Min(end, text.Length)]));
                i = end + 3;
            }
            else if (At(text, i, "<!--")) i = Find(text, i + 4, "-->") + 3;
            else if (At(text, i, "<!")) i = SkipDeclaration(text, i);
            else if (At(text, i, "<?")) i = Find(text, i + 2, "?>") + 2;
            else if (At(text, i, "</")) i = CloseTag(text, i, open);
            else if (i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] == '_'))
            {
                if (root is not null && open.Count == 0) break;
                if (open.Count >= StrictXml.MaxDepth)
                {
                    // Too deep to keep as elements: the tag is dropped and its text joins the deepest kept element.
                    flattened = true;
                    i = TagReader.Read(text, i).End;
                    continue;
                }
                i = OpenTag(text, i, open, entities, ref root);
            }
            else
            {
                if (open.Count > 0) open[^1].Element.Add(new XText("<"));
                i++;
            }
        }
        return root;
    }

    static int OpenTag(string text, int i, List<(XElement, Dictionary<string, string>)> open, Dictionary<string, string> entities, ref XElement? root)
    {
        var tag = TagReader.Read(text, i);
        AutoClose(open, LocalName(tag.Name));
        var scope = open.Count > 0 ? new Dictionary<string, string>(open[^1].Item2) : new Dictionary<string, string>();
        foreach (var (name, value) in tag.Attributes)
        {
            if (name == "xmlns") scope[""] = value;
            else if (name.StartsWith("xmlns:", StringComparison.Ordinal)) scope[name[6..]] = value;
        }
        XElement element;
        try { element = new XElement(Resolve(tag.Name, scope, isAttribute: false)); }
        catch (ArgumentException) { element = new XElement(Sanitize(LocalName(tag.Name))); }
        foreach (var (name, value) in tag.Attributes)
        {
            if (name == "xmlns" || name.StartsWith("xmlns:", StringComparison.Ordinal)) continue;
            try
            {
                var xname = Resolve(name, scope, isAttribute: true);
                if (element.Attribute(xname) is null) element.SetAttributeValue(xname, Markup.DecodeEntities(value, entities));
            }
            catch (ArgumentException)
            {
                // An attribute whose name or namespace XML cannot hold is dropped rather than sinking the element.
            }
        }
        if (open.Count > 0) open[^1].Item1.Add(element);
        else root = element;
        if (!tag.SelfClosing) open.Add((element, scope));
        return tag.End;
    }

    // A feed element opening inside a text-only feed element means the latter was never closed,
    // and items never nest, so a new item closes the open one.
    static void AutoClose(List<(XElement Element, Dictionary<string, string> Scope)> open, string name)
    {
        if (name is "item" or "entry")
        {
            var enclosing = open.FindLastIndex(o => o.Element.Name.LocalName is "item" or "entry");
            if (enclosing >= 0) open.RemoveRange(enclosing, open.Count - enclosing);
            return;
        }
        if (open.Count > 0 && LeafElements.Contains(open[^1].Element.Name.LocalName) && FeedElements.Contains(name))
            open.RemoveAt(open.Count - 1);
    }

    static string LocalName(string qualified) => qualified[(qualified.IndexOf(':') + 1)..];

    static int CloseTag(string text, int i, List<(XElement Element, Dictionary<string, string> Scope)> open)
    {
        var end = text.IndexOf('>', i);
        if (end < 0) end = text.Length;
        var name = text[(i + 2)..end].Trim();
        // Close up to the nearest matching open element; a stray end tag closes nothing.
        for (var depth = open.Count - 1; depth >= 0; depth--)
        {
            if (Resolve(name, open[depth].Scope, isAttribute: false) != open[depth].Element.Name) continue;
            open.RemoveRange(depth, open.Count - depth);
            break;
        }
        return end + 1;
    }

    static XName Resolve(string qualified, Dictionary<string, string> scope, bool isAttribute)
    {
        var colon = qualified.IndexOf(':');
        var prefix = colon > 0 ? qualified[..colon] : "";
        var local = Sanitize(colon > 0 ? qualified[(colon + 1)..] : qualified);
        if (prefix == "xml") return XNamespace.Xml + local;
        if (prefix.Length == 0 && isAttribute) return local;
        if (scope.TryGetValue(prefix, out var ns)) return XName.Get(local, ns);
        // An undeclared prefix is still meaningful when it is one of the usual feed modules.
        return XName.Get(local, FeedNames.WellKnownPrefix(prefix) ?? (prefix.Length > 0 ? "urn:undeclared:" + prefix : ""));
    }

    static string Sanitize(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name)
            builder.Append(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_');
        if (builder.Length == 0 || !(char.IsLetter(builder[0]) || builder[0] == '_')) builder.Insert(0, '_');
        return builder.ToString();
    }

    static Dictionary<string, string> InternalEntities(string text)
    {
        var result = new Dictionary<string, string>();
        foreach (Match m in EntityDeclaration().Matches(text))
            result[m.Groups[1].Value] = m.Groups[2].Value[1..^1];
        return result;
    }

    static int SkipDeclaration(string text, int i)
    {
        var bracket = text.IndexOf('[', i);
        var close = text.IndexOf('>', i);
        if (close < 0) return text.Length;
        if (bracket < 0 || bracket > close) return close + 1;
        return Find(text, bracket, "]>") + 2;
    }

    static bool At(string text, int i, string token) => string.CompareOrdinal(text, i, token, 0, token.Length) == 0;

    static int Find(string text, int from, string token)
    {
        var at = text.IndexOf(token, from, StringComparison.Ordinal);
        return at < 0 ? text.Length : at;
    }

    [GeneratedRegex("""<!ENTITY\s+([A-Za-z_][\w.-]*)\s+("[^"]*"|'[^']*')""")]
    private static partial Regex EntityDeclaration();
}
