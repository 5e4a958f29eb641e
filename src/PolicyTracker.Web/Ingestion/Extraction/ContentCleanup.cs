using AngleSharp.Dom;

namespace PolicyTracker.Web.Ingestion.Extraction;

/// <summary>
/// Takes what is not article out of the chosen content: forms, embeds other than players,
/// sharing widgets, negative headings, and blocks (tables, lists, divs) whose links, images or
/// inputs outweigh their prose. Data tables stay.
/// </summary>
sealed class ContentCleanup(bool conditional, bool weighClasses)
{
    static readonly HashSet<string> Textish = ["span", "li", "td", .. Dom.BlockChildren];
    static readonly HashSet<string> Headings = ["h1", "h2", "h3", "h4", "h5", "h6"];
    readonly HashSet<IElement> dataTables = new(ReferenceEqualityComparer.Instance);

    /// <summary>Cleans <paramref name="content"/> in place.</summary>
    public void Clean(IElement content)
    {
        MarkDataTables(content);
        Conditionally(content, "form");
        Conditionally(content, "fieldset");
        foreach (var tag in new[] { "object", "embed", "footer", "link", "aside" }) Remove(content, tag);
        foreach (var block in content.Children.ToList())
            foreach (var share in block.Descendants<IElement>().Where(e => Signals.Share().IsMatch(e.ClassName + " " + e.Id) && (e.TextContent?.Length ?? 0) < 500).ToList())
                share.Remove();
        foreach (var tag in new[] { "iframe", "input", "textarea", "select", "button" }) Remove(content, tag);
        foreach (var h in content.QuerySelectorAll("h1, h2").Where(h => Weight(h) < 0).ToList()) h.Remove();
        Conditionally(content, "table");
        Conditionally(content, "ul");
        Conditionally(content, "div");
        foreach (var h1 in content.QuerySelectorAll("h1").ToList()) Dom.Rename(h1, "h2");
        foreach (var p in content.QuerySelectorAll("p").Reverse().ToList())
            if (p.QuerySelector("img, embed, object, iframe") is null && string.IsNullOrWhiteSpace(p.TextContent)) p.Remove();
        foreach (var br in content.QuerySelectorAll("br").ToList())
        {
            var next = br.NextSibling;
            while (next is not null && Dom.IsWhitespace(next) && next is not IElement) next = next.NextSibling;
            if (next is IElement { LocalName: "p" }) br.Remove();
        }
        UnwrapSingleCellTables(content);
    }

    int Weight(IElement e) => weighClasses ? Signals.Weight(e) : 0;

    static void Remove(IElement content, string tag)
    {
        var embed = tag is "object" or "embed" or "iframe";
        foreach (var e in content.GetElementsByTagName(tag).ToList())
        {
            if (embed && IsPlayer(e)) continue;
            // Inside the article, a footer or aside of prose (an AI disclosure, a correction, an
            // author's note) belongs to the story and to its provenance; one of links is a widget.
            if (tag is "footer" or "aside" && IsProseNote(e)) continue;
            e.Remove();
        }
    }

    /// <summary>A short block of prose (a disclosure, a correction, an author's note) rather than a widget of links.</summary>
    public static bool IsProseNote(IElement e)
    {
        var text = Dom.Text(e);
        if (text.Length is 0 or > 800 || Signals.Negative().IsMatch(e.ClassName + " " + e.Id) || Signals.Unlikely().IsMatch(e.ClassName + " " + e.Id)) return false;
        return Dom.LinkDensity(e, text.Length) < 0.3 && e.QuerySelector("ul a, ol a, nav, form, img, iframe") is null && text.Contains(' ');
    }

    static bool IsPlayer(IElement e) =>
        e.Attributes.Any(a => Signals.Video().IsMatch(a.Value)) || e.LocalName == "object" && Signals.Video().IsMatch(e.InnerHtml);

    void Conditionally(IElement content, string tag)
    {
        if (!conditional) return;
        var nodes = content.GetElementsByTagName(tag).Reverse().ToList();
        if (nodes.Count == 0) return;
        // Lengths are measured once; a removal makes its ancestors measure themselves again.
        var lengths = new TextLengths(content);
        // Last first, so inner blocks are judged before the blocks around them.
        foreach (var node in nodes)
        {
            if (node.ParentElement is null || !ShouldRemove(node, tag, lengths)) continue;
            lengths.Forget(node);
            node.Remove();
        }
    }

    bool ShouldRemove(IElement node, string tag, TextLengths lengths)
    {
        var length = lengths.Length(node);
        if (tag == "table" && dataTables.Contains(node)) return false;
        if (dataTables.Count > 0 && (Dom.HasAncestor(node, "table", 0, dataTables.Contains) || node.GetElementsByTagName("table").Any(dataTables.Contains))) return false;
        if (Dom.HasAncestor(node, "code")) return false;
        var weight = Weight(node);
        if (weight < 0) return true;
        if (lengths.Commas(node) >= 10) return false;

        // One walk counts what the rules look at.
        int p = 0, img = 0, li = -100, input = 0, embeds = 0, listText = 0;
        foreach (var e in node.Descendants<IElement>())
        {
            switch (e.LocalName)
            {
                case "p": p++; break;
                case "img": img++; break;
                case "li": li++; break;
                case "input": input++; break;
                case "ul" or "ol": listText += lengths.Length(e); break;
                case "object" or "embed" or "iframe":
                    if (IsPlayer(e)) return false;
                    embeds++;
                    break;
            }
        }
        var isList = tag is "ul" or "ol" || length > 0 && (double)listText / length > 0.9;
        if (length < 40 && Signals.Placeholder().IsMatch(Dom.Text(node))) return true;
        var linkDensity = lengths.LinkDensity(node);
        var inFigure = Dom.HasAncestor(node, "figure");
        // The densities are costly on large blocks; they are worked out only where a rule reads them.

        var remove =
            !inFigure && img > 1 && (double)p / img < 0.5
            || !isList && li > p
            || input > p / 3
            || !isList && !inFigure && length < 25 && (img == 0 || img > 2) && linkDensity > 0 && Dom.TextDensity(node, Headings) < 0.9
            || !isList && weight < 25 && linkDensity > 0.2
            || weight >= 25 && linkDensity > 0.5
            || embeds == 1 && length < 75 || embeds > 1
            || img == 0 && !node.Descendants<IElement>().Any(e => Textish.Contains(e.LocalName) && Dom.HasText(e));
        // A plain list of images stays.
        if (isList && remove)
        {
            if (node.Children.Any(c => c.ChildElementCount > 1)) return true;
            if (img == node.GetElementsByTagName("li").Length) return false;
        }
        return remove;
    }

    void MarkDataTables(IElement content)
    {
        foreach (var table in content.GetElementsByTagName("table"))
        {
            if (IsDataTable(table)) dataTables.Add(table);
        }
    }

    static bool IsDataTable(IElement table)
    {
        if (table.GetAttribute("role") == "presentation" || table.GetAttribute("datatable") == "0") return false;
        if (table.HasAttribute("summary")) return true;
        if (table.QuerySelector("caption") is { ChildNodes.Length: > 0 }) return true;
        if (table.QuerySelector("col, colgroup, tfoot, thead, th") is not null) return true;
        if (table.QuerySelector("table") is not null) return false;
        var rows = 0;
        var columns = 0;
        foreach (var tr in table.QuerySelectorAll("tr"))
        {
            rows += int.TryParse(tr.GetAttribute("rowspan"), out var rs) && rs > 0 ? rs : 1;
            columns = Math.Max(columns, tr.QuerySelectorAll("td").Sum(td => int.TryParse(td.GetAttribute("colspan"), out var cs) && cs > 0 ? cs : 1));
        }
        if (rows == 1 || columns == 1) return false;
        return rows >= 10 || columns > 4 || rows * columns > 10;
    }

    static void UnwrapSingleCellTables(IElement content)
    {
        foreach (var table in content.QuerySelectorAll("table").ToList())
        {
            var body = Dom.HasSingleChild(table, "tbody") ? table.FirstElementChild! : table;
            if (!Dom.HasSingleChild(body, "tr")) continue;
            var row = body.FirstElementChild!;
            if (!Dom.HasSingleChild(row, "td")) continue;
            var cell = Dom.Rename(row.FirstElementChild!, row.FirstElementChild!.ChildNodes.All(Dom.IsPhrasing) ? "p" : "div");
            table.Parent?.ReplaceChild(cell, table);
        }
    }
}
