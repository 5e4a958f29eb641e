using System.Globalization;
using System.Text;

namespace PolicyTracker.Benchmarks.Generation;

/// <summary>
/// Renders an article as a whole news page: metadata in the head, and the navigation, cookie notice,
/// related links and footer that an extractor has to see past to find the story.
/// </summary>
internal static class HtmlPageWriter
{
    private static readonly string[] NavigationSections = ["Policy", "Technology", "Business", "World", "Opinion", "Newsletters"];

    /// <summary>Renders the page.</summary>
    public static string Render(GeneratedArticle article)
    {
        var site = article.Source;
        var html = new StringBuilder(9000);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Escape(article.Title)).Append(" | ").Append(Escape(site.Name)).Append("</title>\n");
        AppendMeta(html, "name", "description", FirstSentence(article));
        if (article.Author is { } author)
        {
            AppendMeta(html, "name", "author", author);
        }

        if (article.PublishedAt is { } published)
        {
            AppendMeta(html, "property", "article:published_time", ArticleWriter.Iso8601(published));
        }

        AppendMeta(html, "property", "og:site_name", site.Name);
        AppendMeta(html, "property", "og:type", "article");
        AppendMeta(html, "property", "og:title", article.Title);
        AppendMeta(html, "property", "og:url", article.Url);
        html.Append("<link rel=\"canonical\" href=\"").Append(Escape(article.Url)).Append("\">\n")
            .Append("<link rel=\"stylesheet\" href=\"/assets/site.css\">\n")
            .Append("<script type=\"application/ld+json\">\n").Append(NewsArticleJsonLd.Render(article)).Append("\n</script>\n")
            .Append("</head>\n<body>\n<a class=\"skip-link\" href=\"#story\">Skip to content</a>\n");
        AppendSiteHeader(html, site);
        html.Append("<main id=\"story\">\n<article class=\"story\">\n<header class=\"story-header\">\n<h1>")
            .Append(Escape(article.Title)).Append("</h1>\n");
        AppendByline(html, article);
        html.Append("</header>\n<div class=\"story-body\">\n");
        foreach (var block in article.Blocks)
        {
            AppendBlock(html, block);
        }

        html.Append("</div>\n</article>\n");
        AppendRelated(html, article.Related);
        html.Append("</main>\n");
        AppendFooter(html, site, article.PublishedAt?.Year ?? 2026);
        html.Append("<script src=\"/assets/analytics.js\" defer></script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendSiteHeader(StringBuilder html, NewsSource site)
    {
        html.Append("<div class=\"cookie-banner\" role=\"dialog\" aria-label=\"Cookie consent\"><p>We use cookies to improve your experience and to measure our audience. ")
            .Append("<a href=\"/privacy\">Learn more</a></p><button type=\"button\">Accept</button></div>\n")
            .Append("<header class=\"site-header\">\n<a class=\"logo\" href=\"https://").Append(site.Domain).Append("/\">")
            .Append(Escape(site.Name)).Append("</a>\n<nav aria-label=\"Sections\">\n<ul>\n");
        foreach (var section in NavigationSections)
        {
            html.Append("<li><a href=\"/").Append(section.ToLowerInvariant()).Append("/\">").Append(section).Append("</a></li>\n");
        }

        html.Append("</ul>\n</nav>\n<a class=\"subscribe\" href=\"/subscribe\">Subscribe</a>\n</header>\n");
    }

    private static void AppendByline(StringBuilder html, GeneratedArticle article)
    {
        if (article.Author is null && article.PublishedAt is null)
        {
            return;
        }

        html.Append("<p class=\"byline\">");
        if (article.Author is { } author)
        {
            html.Append("By <a rel=\"author\" href=\"/authors/").Append(ArticleAddressing.Slug(author)).Append("\">")
                .Append(Escape(author)).Append("</a>");
        }

        if (article.PublishedAt is { } published)
        {
            html.Append(article.Author is null ? string.Empty : " · ")
                .Append("<time datetime=\"").Append(ArticleWriter.Iso8601(published)).Append("\">")
                .Append(published.UtcDateTime.ToString("MMMM d, yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture))
                .Append("</time>");
        }

        html.Append("</p>\n");
    }

    private static void AppendBlock(StringBuilder html, ArticleBlock block)
    {
        switch (block.Kind)
        {
            case ArticleBlockKind.Subheading:
                html.Append("<h2>").Append(Escape(block.Text)).Append("</h2>\n");
                break;
            case ArticleBlockKind.BulletList:
                html.Append("<ul>\n");
                foreach (var item in block.Lines)
                {
                    html.Append("<li>").Append(Escape(item)).Append("</li>\n");
                }

                html.Append("</ul>\n");
                break;
            default:
                html.Append("<p>").Append(Escape(block.Text)).Append("</p>\n");
                break;
        }
    }

    private static void AppendRelated(StringBuilder html, IReadOnlyList<RelatedLink> related)
    {
        html.Append("<aside class=\"related\" aria-labelledby=\"related-heading\">\n<h2 id=\"related-heading\">Related coverage</h2>\n<ul>\n");
        foreach (var link in related)
        {
            html.Append("<li><a href=\"").Append(Escape(link.Url)).Append("\">").Append(Escape(link.Title)).Append("</a></li>\n");
        }

        html.Append("</ul>\n</aside>\n");
    }

    private static void AppendFooter(StringBuilder html, NewsSource site, int year)
    {
        html.Append("<section class=\"newsletter\"><h2>Get the briefing</h2><p>The week in AI policy, every Friday. ")
            .Append("<a href=\"/newsletters\">Sign up</a></p></section>\n<footer class=\"site-footer\">\n<nav aria-label=\"Footer\">")
            .Append("<a href=\"/about\">About us</a> <a href=\"/contact\">Contact</a> <a href=\"/privacy\">Privacy policy</a> ")
            .Append("<a href=\"/terms\">Terms of use</a> <a href=\"/corrections\">Corrections</a></nav>\n<p>© ")
            .Append(year.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Escape(site.Name))
            .Append(". All rights reserved.</p>\n</footer>\n");
    }

    private static void AppendMeta(StringBuilder html, string attribute, string key, string content) =>
        html.Append("<meta ").Append(attribute).Append("=\"").Append(key).Append("\" content=\"")
            .Append(Escape(content)).Append("\">\n");

    private static string FirstSentence(GeneratedArticle article)
    {
        var lead = article.Blocks[0].Text;
        var end = lead.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? lead[..(end + 1)] : lead;
    }

    private static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("'", "&#39;", StringComparison.Ordinal);
    }
}
