using PolicyTracker.Evaluation.Python;
using PolicyTracker.Web.Ingestion.Feeds;

namespace PolicyTracker.Evaluation.Feeds;

/// <summary>Presents our FeedDocument under feedparser's normalised names so the corpus's expectations can be checked against it.</summary>
static class FeedparserView
{
    // feedparser's FeedParserDict resolves these legacy names to the current ones.
    static readonly Dictionary<string, string[]> Aliases = new()
    {
        ["channel"] = ["feed"], ["items"] = ["entries"], ["guid"] = ["id"], ["date"] = ["updated"], ["date_parsed"] = ["updated_parsed"],
        ["description"] = ["summary", "subtitle"], ["description_detail"] = ["summary_detail", "subtitle_detail"],
        ["url"] = ["href"], ["modified"] = ["updated"], ["modified_parsed"] = ["updated_parsed"], ["issued"] = ["published"],
        ["issued_parsed"] = ["published_parsed"], ["copyright"] = ["rights"], ["copyright_detail"] = ["rights_detail"],
        ["tagline"] = ["subtitle"], ["tagline_detail"] = ["subtitle_detail"],
    };

    /// <summary>The names an Expect expression can use: bozo, version, feed, entries.</summary>
    public static Dictionary<string, object?> Names(FeedDocument document) => new()
    {
        ["bozo"] = document.NeededRepair,
        ["bozo_exception"] = string.Join("; ", document.Repairs),
        ["version"] = document.Format,
        ["feed"] = Header(document.Header, document.Language),
        ["entries"] = document.Items.Select(Entry).Cast<object?>().ToList(),
    };

    /// <summary>An empty dictionary with feedparser's aliases.</summary>
    public static PyDict NewDict() => new(Aliases);

    static PyDict Dict() => NewDict();

    static PyDict Header(FeedHeader header, string? language)
    {
        var feed = Dict().Set("id", header.Id).Set("link", header.Link).Set("icon", header.Icon).Set("language", language ?? header.Language);
        Text(feed, "title", header.Title);
        Text(feed, "subtitle", header.Subtitle);
        Text(feed, "rights", header.Rights);
        Links(feed, header.Links);
        People(feed, "author", header.Authors);
        if (header.Contributors.Count > 0) feed.Set("contributors", header.Contributors.Select(Person).Cast<object?>().ToList());
        if (header.Publisher is { } publisher) feed.Set("publisher", Display(publisher)).Set("publisher_detail", Person(publisher));
        Tags(feed, header.Categories);
        if (header.Generator is { } generator)
            feed.Set("generator", generator.Name).Set("generator_detail", Dict().Set("name", generator.Name).Set("href", generator.Uri).Set("version", generator.Version));
        if (header.Logo is not null) feed.Set("logo", header.Logo).Set("image", Dict().Set("href", header.Logo));
        if (header.Url is not null) feed.Set("href", header.Url);
        Date(feed, "published", header.Published);
        Date(feed, "updated", header.Updated);
        return feed;
    }

    static PyDict Entry(FeedItem item)
    {
        var entry = Dict().Set("id", item.Id).Set("link", item.Link).Set("comments", item.CommentsUrl).Set("license", item.License);
        Text(entry, "title", item.TitleText);
        Text(entry, "summary", item.SummaryText);
        Text(entry, "rights", item.Rights);
        if (item.ContentText is { } content) entry.Set("content", new List<object?> { Detail(content) });
        Links(entry, item.Links);
        var enclosures = item.Links.Where(l => l.Rel == "enclosure").Select(l => (object?)Dict().Set("href", l.Href).Set("length", l.Length).Set("type", l.Type)).ToList();
        if (enclosures.Count > 0) entry.Set("enclosures", enclosures);
        People(entry, "author", item.Authors);
        if (item.Contributors.Count > 0) entry.Set("contributors", item.Contributors.Select(Person).Cast<object?>().ToList());
        if (item.Publisher is { } publisher) entry.Set("publisher", Display(publisher)).Set("publisher_detail", Person(publisher));
        Tags(entry, item.CategoryDetails);
        if (item.Source is { } source) entry.Set("source", Header(source, null));
        if (item.Id is not null) entry.Set("guidislink", item.GuidIsLink);
        Date(entry, "published", item.Published);
        Date(entry, "updated", item.Updated);
        Date(entry, "created", item.Created);
        Date(entry, "expired", item.Expires);
        return entry;
    }

    static void Text(PyDict target, string name, FeedText? text)
    {
        if (text is null) return;
        target.Set(name, text.Value).Set(name + "_detail", Detail(text));
    }

    static PyDict Detail(FeedText text) =>
        Dict().Set("type", text.Type switch { "html" => "text/html", "xhtml" => "application/xhtml+xml", _ => "text/plain" }).Set("value", text.Value);

    static void Links(PyDict target, IReadOnlyList<FeedLink> links)
    {
        if (links.Count == 0) return;
        target.Set("links", links.Select(l => (object?)Dict().Set("rel", l.Rel).Set("type", l.Type).Set("href", l.Href)
            .Set("hreflang", l.HrefLang).Set("title", l.Title).Set("length", l.Length)).ToList());
    }

    static void People(PyDict target, string name, IReadOnlyList<FeedPerson> people)
    {
        if (people.Count == 0) return;
        target.Set(name, Display(people[0])).Set(name + "_detail", Person(people[0])).Set(name + "s", people.Select(Person).Cast<object?>().ToList());
    }

    static PyDict Person(FeedPerson person) => Dict().Set("name", person.Name).Set("email", person.Email).Set("href", person.Uri);

    // feedparser writes a person as "Name (email)" when it knows both.
    /// <summary>A person as one string, the way feedparser's author field reads.</summary>
    public static string? Display(FeedPerson person) =>
        person is { Name: not null, Email: not null } ? $"{person.Name} ({person.Email})" : person.Name ?? person.Email;

    static void Tags(PyDict target, IReadOnlyList<FeedCategory> categories)
    {
        if (categories.Count == 0) return;
        target.Set("tags", categories.Select(c => (object?)Dict().Set("term", c.Term).Set("scheme", c.Scheme ?? (object)PyNone.Value).Set("label", c.Label ?? (object)PyNone.Value)).ToList());
        target.Set("category", categories[0].Term);
    }

    static void Date(PyDict target, string name, FeedDate? date)
    {
        if (date is null) return;
        target.Set(name, date.Text);
        if (date.Utc is { } utc) target.Set(name + "_parsed", TimeStruct(utc));
    }

    // time.struct_time: weekday counts from Monday = 0, yday from 1, isdst 0 for UTC.
    /// <summary>The date as a time.struct_time tuple.</summary>
    public static PyTuple TimeStruct(DateTime utc) =>
        new([(long)utc.Year, (long)utc.Month, (long)utc.Day, (long)utc.Hour, (long)utc.Minute, (long)utc.Second, (long)(((int)utc.DayOfWeek + 6) % 7), (long)utc.DayOfYear, 0L]);
}
