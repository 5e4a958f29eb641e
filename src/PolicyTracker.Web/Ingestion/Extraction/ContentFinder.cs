using AngleSharp.Dom;

namespace PolicyTracker.Web.Ingestion.Extraction;

/// <summary>
/// Finds the article's body in a page by scoring paragraphs and crediting their containers,
/// then gathers the best container and its related siblings. Strict first; when that yields
/// too little text, looser passes are tried and the longest result kept.
/// </summary>
sealed class ContentFinder(IDocument first, Func<IDocument> reload, string? title)
{
    IDocument document = first;

    const int MinimumText = 500;
    static readonly HashSet<string> Scored = ["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];
    static readonly HashSet<string> KeptAsIs = ["div", "article", "section", "p", "ol", "ul"];

    readonly Dictionary<IElement, double> scores = new(ReferenceEqualityComparer.Instance);

    string? bylineBlock;
    bool bylineDropped;

    /// <summary>The byline the page shows in its text, found while reading.</summary>
    public string? Byline { get; private set; }

    /// <summary>The article's content in a new div, or null when the page holds no text at all.</summary>
    public IElement? Find()
    {
        if (document.Body is null) return null;
        var attempts = new List<(IElement Content, int Length)>();
        foreach (var pass in new[] { Pass.Strict, Pass.KeepUnlikely, Pass.NoClassWeights, Pass.NoConditionalCleaning })
        {
            scores.Clear();
            var content = Grab(pass);
            var length = Dom.Text(content).Length;
            if (length >= MinimumText) return content;
            attempts.Add((content, length));
            // Start the next pass from the page as it was. When the page marks one element as its
            // article and that is short too, the article is short: the looser passes look only
            // inside it, so they do not pull in the chrome the strict pass had rightly dropped.
            // (Parsing again costs less than keeping a copy of every page: most pages need one pass.)
            document = reload();
            if (document.Body is { } fresh && MarkedArticle(fresh) is { } article)
            {
                while (fresh.FirstChild is { } child) child.RemoveFromParent();
                fresh.AppendChild(article);
            }
        }
        var best = attempts.MaxBy(a => a.Length);
        return best.Length == 0 ? null : best.Content;
    }

    static IElement? MarkedArticle(IElement body)
    {
        var marked = body.QuerySelectorAll("[itemprop=articleBody]");
        if (marked.Length != 1) marked = body.QuerySelectorAll("article");
        return marked.Length == 1 && Dom.Text(marked[0]).Length is > 0 and < MinimumText ? marked[0] : null;
    }

    IElement Grab(Pass pass)
    {
        var candidates = Score(Prepare(pass), pass);
        var top = Top(candidates, pass, out var created);
        var content = Siblings(top, pass);
        new ContentCleanup(pass != Pass.NoConditionalCleaning, pass < Pass.NoClassWeights).Clean(content);
        _ = created;
        return content;
    }

    /// <summary>Walks the page once: drops hidden and chrome blocks, turns text-only divs into paragraphs, lists what to score.</summary>
    List<IElement> Prepare(Pass pass)
    {
        var toScore = new List<IElement>();
        bylineDropped = false;
        var checkTitle = title is not null;
        var node = document.DocumentElement;
        while (node is not null)
        {
            var match = node.ClassName is null && node.Id is null ? "" : node.ClassName + " " + node.Id;
            if (!Dom.IsVisible(node) || node.GetAttribute("aria-modal") == "true" && node.GetAttribute("role") == "dialog")
            {
                node = Dom.RemoveAndNext(node);
                continue;
            }
            if (IsByline(node, match))
            {
                node = Dom.RemoveAndNext(node);
                continue;
            }
            if (checkTitle && node.LocalName is "h1" or "h2" && PageTitle.Similarity(title!, Dom.Text(node, false)) > 0.75)
            {
                // The headline is shown above the article; the copy in the body goes.
                checkTitle = false;
                node = Dom.RemoveAndNext(node);
                continue;
            }
            if (pass == Pass.Strict && node.LocalName is not ("body" or "a") && (
                    match.Length > 0 &&
                    Signals.Unlikely().IsMatch(match) && !Signals.MaybeContent().IsMatch(match) && !Dom.HasAncestor(node, "table") && !Dom.HasAncestor(node, "code")
                    || Signals.ChromeRoles.Contains(node.GetAttribute("role") ?? "")))
            {
                node = Dom.RemoveAndNext(node);
                continue;
            }
            if (node.LocalName is "div" or "section" or "header" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" && Dom.IsEmpty(node))
            {
                node = Dom.RemoveAndNext(node);
                continue;
            }
            if (Scored.Contains(node.LocalName)) toScore.Add(node);
            if (node.LocalName == "div")
            {
                WrapPhrasing(node);
                if (Dom.HasSingleChild(node, "p") && Dom.LinkDensity(node) < 0.25)
                {
                    var only = node.FirstElementChild!;
                    node.Parent!.ReplaceChild(only, node);
                    node = only;
                    toScore.Add(node);
                }
                else if (!Dom.HasBlockChild(node))
                {
                    node = Dom.Rename(node, "p");
                    toScore.Add(node);
                }
            }
            node = Dom.Next(node);
        }
        return toScore;
    }

    bool IsByline(IElement node, string match)
    {
        var itemprop = node.GetAttribute("itemprop");
        if (match.Length == 0 && itemprop is null && !node.HasAttribute("rel")) return false;
        if (!(node.GetAttribute("rel") == "author" || itemprop is not null && itemprop.Contains("author", StringComparison.Ordinal) || Signals.Byline().IsMatch(match)))
            return false;
        var text = node.TextContent.Trim();
        // A later pass starts from the page as it was: the byline found before is dropped again.
        if (Byline is not null)
        {
            if (bylineDropped || text != bylineBlock) return false;
            return bylineDropped = true;
        }
        if (text.Length is 0 or >= 100) return false;
        bylineBlock = text;
        bylineDropped = true;
        // Prefer the name inside the block ("By <span itemprop=name>...</span>, Staff Writer").
        var name = node.Descendants<IElement>().FirstOrDefault(e => (e.GetAttribute("itemprop") ?? "").Contains("name", StringComparison.Ordinal));
        Byline = (name ?? node).TextContent.Trim();
        return true;
    }

    // Runs of inline content directly in a div become paragraphs, so they are scored like text.
    static void WrapPhrasing(IElement div)
    {
        IElement? p = null;
        for (var child = div.FirstChild; child is not null;)
        {
            var next = child.NextSibling;
            if (Dom.IsPhrasing(child))
            {
                if (p is not null) p.AppendChild(child);
                else if (!Dom.IsWhitespace(child))
                {
                    p = div.Owner!.CreateElement("p");
                    div.ReplaceChild(p, child);
                    p.AppendChild(child);
                }
            }
            else if (p is not null)
            {
                while (p.LastChild is { } last && Dom.IsWhitespace(last)) last.RemoveFromParent();
                p = null;
            }
            child = next;
        }
    }

    List<IElement> Score(List<IElement> toScore, Pass pass)
    {
        var candidates = new List<IElement>();
        foreach (var element in toScore)
        {
            if (element.ParentElement is null) continue;
            var text = Dom.Text(element);
            if (text.Length < 25) continue;
            var ancestors = Dom.Ancestors(element, 5);
            if (ancestors.Count == 0) continue;
            // One point, one per comma-separated part, one per 100 characters up to three.
            var score = 1.0 + Signals.Comma().Count(text) + 1 + Math.Min(text.Length / 100, 3);
            for (var level = 0; level < ancestors.Count; level++)
            {
                var ancestor = ancestors[level];
                if (ancestor.ParentElement is null) break;
                if (!scores.ContainsKey(ancestor))
                {
                    scores[ancestor] = Initial(ancestor, pass);
                    candidates.Add(ancestor);
                }
                scores[ancestor] += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }
        return candidates;
    }

    double Initial(IElement e, Pass pass) => e.LocalName switch
    {
        "div" => 5,
        "pre" or "td" or "blockquote" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        _ => 0,
    } + (pass < Pass.NoClassWeights ? Signals.Weight(e) : 0);

    double ScoreOf(IElement e) => scores.GetValueOrDefault(e);

    IElement Top(List<IElement> candidates, Pass pass, out bool created)
    {
        var lengths = new TextLengths(document.DocumentElement);
        foreach (var c in candidates) scores[c] *= 1 - lengths.LinkDensity(c);
        var best = candidates.OrderByDescending(c => scores[c]).Take(5).ToList();
        created = false;
        var top = best.FirstOrDefault();
        var body = document.Body!;
        if (top is null || top.LocalName == "body")
        {
            // Nothing stands out: the whole body is the article.
            var div = document.CreateElement("div");
            while (body.FirstChild is { } child) div.AppendChild(child);
            body.AppendChild(div);
            scores[div] = Initial(div, pass);
            created = true;
            return div;
        }

        // When several strong candidates share an ancestor, the article is that ancestor.
        var alternatives = best.Skip(1).Where(c => scores[c] / scores[top] >= 0.75).Select(c => Dom.Ancestors(c)).ToList();
        if (alternatives.Count >= 3)
        {
            for (var parent = top.ParentElement; parent is not null && parent.LocalName != "body"; parent = parent.ParentElement)
            {
                if (alternatives.Count(list => list.Contains(parent)) >= 3)
                {
                    top = parent;
                    break;
                }
            }
        }
        if (!scores.ContainsKey(top)) scores[top] = Initial(top, pass);

        // Climb while the parent scores nearly as well (the text is split across children).
        var last = scores[top];
        var threshold = last / 3;
        for (var parent = top.ParentElement; parent is not null && parent.LocalName != "body"; parent = parent.ParentElement)
        {
            if (!scores.TryGetValue(parent, out var parentScore)) continue;
            if (parentScore < threshold) break;
            if (parentScore > last)
            {
                top = parent;
                break;
            }
            last = parentScore;
        }
        while (top.ParentElement is { } only && only.LocalName != "body" && only.ChildElementCount == 1) top = only;
        if (!scores.ContainsKey(top)) scores[top] = Initial(top, pass);
        return top;
    }

    IElement Siblings(IElement top, Pass pass)
    {
        var content = document.CreateElement("div");
        var threshold = Math.Max(10, ScoreOf(top) * 0.2);
        var parent = top.ParentElement;
        if (parent is null)
        {
            content.AppendChild(top);
            return content;
        }
        foreach (var sibling in parent.Children.ToList())
        {
            var append = sibling == top;
            if (!append)
            {
                var bonus = sibling.ClassName == top.ClassName && !string.IsNullOrEmpty(top.ClassName) ? ScoreOf(top) * 0.2 : 0;
                if (scores.TryGetValue(sibling, out var s) && s + bonus >= threshold) append = true;
                else if (sibling.LocalName is "aside" or "footer" && parent.LocalName == "article")
                {
                    // A note of prose closing the article (a disclosure, a correction) is part of it.
                    append = ContentCleanup.IsProseNote(sibling);
                }
                else if (sibling.LocalName == "p")
                {
                    var density = Dom.LinkDensity(sibling);
                    var text = Dom.Text(sibling);
                    append = text.Length > 80 && density < 0.25
                        || text.Length is > 0 and < 80 && density == 0 && EndsSentence(text);
                }
            }
            if (!append) continue;
            var kept = KeptAsIs.Contains(sibling.LocalName) ? sibling : Dom.Rename(sibling, "div");
            if (kept != sibling && sibling == top) scores[kept] = ScoreOf(top);
            content.AppendChild(kept);
        }
        _ = pass;
        return content;
    }

    static bool EndsSentence(string text)
    {
        var i = text.IndexOf('.');
        while (i >= 0)
        {
            if (i == text.Length - 1 || text[i + 1] == ' ') return true;
            i = text.IndexOf('.', i + 1);
        }
        return false;
    }
}

/// <summary>The passes of <see cref="ContentFinder"/>, each looser than the one before.</summary>
enum Pass
{
    Strict,
    KeepUnlikely,
    NoClassWeights,
    NoConditionalCleaning,
}
