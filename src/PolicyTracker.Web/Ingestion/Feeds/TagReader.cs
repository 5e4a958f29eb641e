namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>A start tag read from markup: its name, attributes in order, whether it closed itself, and where it ended.</summary>
readonly record struct Tag(string Name, IReadOnlyList<(string Name, string Value)> Attributes, bool SelfClosing, int End);

/// <summary>Reads one start tag forgivingly: unquoted or valueless attributes and a missing '>' are accepted.</summary>
static class TagReader
{
    /// <summary>Reads the start tag whose '&lt;' is at <paramref name="start"/>.</summary>
    public static Tag Read(string text, int start)
    {
        var i = start + 1;
        var nameStart = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('>' or '/' or '<')) i++;
        var name = text[nameStart..i];
        var attributes = new List<(string, string)>();
        var selfClosing = false;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            var c = text[i];
            if (c == '>') { i++; break; }
            if (c == '<') break;
            if (c == '/')
            {
                i++;
                if (i < text.Length && text[i] == '>') { selfClosing = true; i++; break; }
                continue;
            }
            var attrStart = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('=' or '>' or '<') && !(text[i] == '/' && i + 1 < text.Length && text[i + 1] == '>')) i++;
            var attrName = text[attrStart..i];
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var value = "";
            if (i < text.Length && text[i] == '=')
            {
                i++;
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                (value, i) = ReadValue(text, i);
            }
            if (attrName.Length > 0) attributes.Add((attrName, value));
        }
        return new Tag(name, attributes, selfClosing, i);
    }

    static (string Value, int End) ReadValue(string text, int i)
    {
        if (i < text.Length && text[i] is '"' or '\'')
        {
            var quote = text[i];
            var close = text.IndexOf(quote, i + 1);
            if (close < 0) close = text.Length;
            return (text[(i + 1)..close], Math.Min(close + 1, text.Length));
        }
        var start = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('>' or '<')) i++;
        return (text[start..i], i);
    }
}
