using AngleSharp.Dom;

namespace PolicyTracker.Web.Ingestion.Extraction;

/// <summary>
/// The trimmed, whitespace-collapsed text length and link-text length of every element under a
/// root, worked out in one walk, so scoring does not rebuild the text of large containers for
/// each candidate. Valid until the tree changes; elements it has not seen are measured directly.
/// </summary>
sealed class TextLengths
{
    // A stretch of text summarised: characters that are not whitespace, whitespace runs (each
    // collapses to one character) and whether it starts or ends in whitespace.
    readonly record struct Span(int Chars, int Runs, bool StartsBlank, bool EndsBlank, int Commas)
    {
        public static readonly Span Empty = new(0, 0, false, false, 0);

        public bool IsEmpty => Chars == 0 && Runs == 0;

        public int Length => Chars == 0 ? 0 : Chars + Runs - (StartsBlank ? 1 : 0) - (EndsBlank ? 1 : 0);

        public Span Then(Span next) =>
            IsEmpty ? next : next.IsEmpty ? this
            : new(Chars + next.Chars, Runs + next.Runs - (EndsBlank && next.StartsBlank ? 1 : 0), StartsBlank, next.EndsBlank, Commas + next.Commas);

        public static Span Of(string text)
        {
            int chars = 0, runs = 0, commas = 0;
            var blank = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    if (!blank) runs++;
                    blank = true;
                }
                else
                {
                    chars++;
                    blank = false;
                    if (Signals.IsComma(c)) commas++;
                }
            }
            return text.Length == 0 ? Empty : new(chars, runs, char.IsWhiteSpace(text[0]), char.IsWhiteSpace(text[^1]), commas);
        }
    }

    readonly Dictionary<IElement, (Span Text, double Links)> measured = new(ReferenceEqualityComparer.Instance);

    /// <summary>Measures every element under <paramref name="root"/>.</summary>
    public TextLengths(IElement root) => Measure(root);

    /// <summary>The length of <see cref="Dom.Text(INode, bool)"/> for <paramref name="e"/>.</summary>
    public int Length(IElement e) => measured.TryGetValue(e, out var m) ? m.Text.Length : Dom.Text(e).Length;

    /// <summary>How many commas the element's text holds.</summary>
    public int Commas(IElement e) => measured.TryGetValue(e, out var m) ? m.Text.Commas : Signals.Comma().Count(e.TextContent ?? "");

    /// <summary>Forgets <paramref name="e"/> and its ancestors, whose text is about to change.</summary>
    public void Forget(IElement e)
    {
        for (IElement? x = e; x is not null; x = x.ParentElement) measured.Remove(x);
    }

    /// <summary>The same as <see cref="Dom.LinkDensity(IElement)"/>, from the measurements.</summary>
    public double LinkDensity(IElement e)
    {
        if (!measured.TryGetValue(e, out var m)) return Dom.LinkDensity(e);
        var length = m.Text.Length;
        return length == 0 ? 0 : m.Links / length;
    }

    (Span Text, double Links) Measure(IElement element)
    {
        var text = Span.Empty;
        double links = 0;
        foreach (var child in element.ChildNodes)
        {
            if (child is IText t) text = text.Then(Span.Of(t.Data));
            else if (child is IElement e)
            {
                var (inner, innerLinks) = Measure(e);
                text = text.Then(inner);
                links += innerLinks;
                if (e.LocalName == "a")
                {
                    var href = e.GetAttribute("href");
                    links += inner.Length * (href is { Length: > 1 } && href[0] == '#' ? 0.3 : 1);
                }
            }
        }
        // Containers are what gets asked about; leaves are measured directly if ever needed,
        // which spares hashing every element of the page.
        if (element.ChildElementCount > 0) measured[element] = (text, links);
        return (text, links);
    }
}
