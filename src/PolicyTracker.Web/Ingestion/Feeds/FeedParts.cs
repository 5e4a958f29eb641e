using System.Xml.Linq;

namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>Readers for the small structures Atom and RSS share: people, links, categories, dates.</summary>
static class FeedParts
{
    /// <summary>An Atom person construct (name, email, uri/url children), or a plain-text person as RSS writes it.</summary>
    public static FeedPerson? Person(XElement element, Uri? documentUri)
    {
        if (!element.Elements().Any()) return FeedPeople.Parse(element.Value);
        var name = element.KidText("name");
        var email = element.KidText("email");
        var uri = FeedElements.ResolveUrl(element.KidText("uri", "url", "homepage"), element.BaseFor(documentUri));
        if (name is not null && email is null && FeedPeople.Parse(name) is { Email: not null } split) (name, email) = (split.Name, split.Email);
        return name is null && email is null && uri is null ? null : new FeedPerson(name, email, uri);
    }

    /// <summary>People from every child with one of the keys, in key order then document order.</summary>
    public static List<FeedPerson> People(XElement parent, Uri? documentUri, params string[] keys)
    {
        var people = new List<FeedPerson>();
        foreach (var key in keys)
            foreach (var element in parent.Kids(key))
                if (Person(element, documentUri) is { } person) people.Add(person);
        return people;
    }

    /// <summary>An Atom-style link: href attribute (or, from sloppy producers, element text) resolved against xml:base.</summary>
    public static FeedLink? Link(XElement element, Uri? documentUri)
    {
        var raw = element.Attr("href") ?? element.Attr("url") ?? element.Value.Trim();
        var href = FeedElements.ResolveUrl(raw, element.BaseFor(documentUri));
        if (href is null) return null;
        return new FeedLink(href, element.Attr("rel") ?? "alternate", element.Attr("type"), element.Attr("hreflang"), element.Attr("title"), element.Attr("length"));
    }

    /// <summary>The link a reader would follow: the first alternate one, else the first of any relation that is not a resource.</summary>
    public static string? MainLink(IReadOnlyList<FeedLink> links) =>
        (links.FirstOrDefault(l => l.Rel == "alternate") ?? links.FirstOrDefault(l => l.Rel is not ("enclosure" or "self" or "license" or "edit" or "replies")))?.Href;

    /// <summary>A category from an Atom category (term/scheme/label) or an RSS category (text, domain).</summary>
    public static FeedCategory? Category(XElement element)
    {
        var term = element.Attr("term") ?? OwnText(element);
        if (string.IsNullOrEmpty(term)) return null;
        return new FeedCategory(term, element.Attr("scheme") ?? element.Attr("domain"), element.Attr("label"));
    }

    /// <summary>The first date among the keys that has text, with its UTC value when readable.</summary>
    public static FeedDate? Date(XElement parent, params string[] keys)
    {
        var text = parent.KidText(keys);
        return text is null ? null : new FeedDate(text, FeedDates.Parse(text));
    }

    /// <summary>Software that produced a feed, from Atom (uri/version attributes) or RSS (text only).</summary>
    public static FeedGenerator? Generator(XElement? element)
    {
        if (element is null) return null;
        var generator = new FeedGenerator(OwnText(element), element.Attr("uri") ?? element.Attr("url"), element.Attr("version"));
        return generator is { Name: null, Uri: null, Version: null } ? null : generator;
    }

    /// <summary>Text directly inside the element, ignoring nested elements that some feeds tuck in.</summary>
    public static string? OwnText(XElement element)
    {
        var text = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)).Trim();
        return text.Length == 0 ? null : text;
    }
}
