namespace PolicyTracker.Tests.Ingestion;

/// <summary>Pages and feeds written for the ingestion tests.</summary>
public static class IngestionFixtures
{
    public static string Page(string title, string body, string? author = "Mara Quinn", string published = "2026-04-14T09:30:00Z") => $$"""
        <!doctype html>
        <html lang="en"><head>
        <meta charset="utf-8">
        <title>{{title}} | Harbor Ledger</title>
        <meta property="og:site_name" content="Harbor Ledger">
        <meta property="article:published_time" content="{{published}}">
        {{(author is null ? "" : $"<meta name=\"author\" content=\"{author}\">")}}
        </head><body>
        <header><nav><a href="/">Home</a> <a href="/policy">Policy</a></nav></header>
        <article>
          <h1>{{title}}</h1>
          {{body}}
        </article>
        <aside><h2>Related</h2><ul><li><a href="/x">Another story</a></li></ul></aside>
        <footer>Copyright Harbor Ledger</footer>
        </body></html>
        """;

    public const string PreviewBody = """
        <p>The ministry asked the lab to limit the preview of its newest model to approved partners, officials said on Tuesday.</p>
        <p>The request names two agencies and a testing programme, but no documents were published.</p>
        """;

    public static string Rss(string siteUrl, params (string Title, string Link, string Description, string Date)[] items) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel>
        <title>Harbor Ledger: Policy</title><link>{siteUrl}</link><description>Policy coverage</description>
        {string.Concat(items.Select(i => $"<item><title>{i.Title}</title><link>{i.Link}</link><guid>{i.Link}</guid><pubDate>{i.Date}</pubDate><description><![CDATA[{i.Description}]]></description><author>desk@harbor.example (Policy Desk)</author></item>"))}
        </channel></rss>
        """;

    public static string Atom(string siteUrl, params (string Title, string Link, string Content, string Date)[] entries) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
        <title>Harbor Ledger (Atom)</title><link href="{siteUrl}"/><id>urn:harbor</id><updated>2026-04-15T00:00:00Z</updated>
        {string.Concat(entries.Select(e => $"<entry><title>{e.Title}</title><link href=\"{e.Link}\"/><id>{e.Link}</id><published>{e.Date}</published><updated>{e.Date}</updated><author><name>Ivo Brandt</name></author><content type=\"html\">{System.Net.WebUtility.HtmlEncode(e.Content)}</content></entry>"))}
        </feed>
        """;
}
