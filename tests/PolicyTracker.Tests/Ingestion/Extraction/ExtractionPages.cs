namespace PolicyTracker.Tests.Ingestion.Extraction;

/// <summary>Pages written for the extraction tests: a news site's article with all its chrome around it.</summary>
public static class ExtractionPages
{
    /// <summary>Six paragraphs of article text; each sentence is unique so tests can look for it.</summary>
    public static readonly string[] Paragraphs =
    [
        "The transport ministry on Thursday published draft rules that would require operators of automated port cranes to log every override made by a human supervisor, a step officials described as the first of its kind in the region.",
        "Under the draft, logs would be kept for three years and handed to inspectors on request, while operators that fail to keep them could lose their licence after two warnings, according to the forty-page document.",
        "Union representatives welcomed the logging requirement but said the draft, which runs to several annexes, leaves open who is accountable when a supervisor follows a recommendation that later proves wrong.",
        "Two of the largest terminal operators said they already record overrides, though in formats that differ from the one the ministry proposes, and asked for a transition period of at least eighteen months.",
        "The consultation is open until the end of March, and the ministry said it would publish every submission it receives, except those that contain commercially sensitive figures, on its website in April.",
        "Officials expect the final text to be adopted before the summer recess, after which operators would have a year to comply, with the first inspections planned for the following spring.",
    ];

    /// <summary>A full page: navigation, a promo, share buttons, the article with a byline and date, comments, related links and a footer.</summary>
    public static string NewsPage(string head = DefaultHead, string? byline = """<p class="byline">By <span itemprop="name">Ines Varga</span>, Transport Correspondent</p>""", int paragraphs = 6) => $$"""
        <!doctype html>
        <html lang="en-GB"><head>
        <meta charset="utf-8">
        {{head}}
        </head><body>
        <div class="site-header"><a href="/">Quayside Post</a><ul class="menu"><li><a href="/ports">Ports</a></li><li><a href="/policy">Policy</a></li><li><a href="/jobs">Jobs</a></li></ul></div>
        <nav aria-label="Sections"><a href="/world">World</a> <a href="/business">Business</a> <a href="/tech">Technology</a></nav>
        <div class="promo-banner"><p>Subscribe today and get three months of unlimited reading for the price of one coffee.</p></div>
        <main>
        <article class="story">
          <h1>Ministry drafts override logs for automated cranes</h1>
          {{byline}}
          <time datetime="2026-02-05T08:15:00+01:00">5 February 2026</time>
          <div class="share-tools"><a href="https://social.example/share?u=x">Share</a> <a href="mailto:?subject=x">Email</a></div>
          <div class="story-body">
          {{string.Concat(Paragraphs.Take(paragraphs).Select(p => $"<p>{p}</p>\n"))}}
          </div>
        </article>
        </main>
        <section id="comments" class="comments"><h2>Comments (2)</h2>
          <div class="comment"><p>Dockworker 77: About time somebody asked who is responsible when the machine is wrong, and I hope they listen.</p></div>
          <div class="comment"><p>Harbour watcher: Eighteen months is far too long for a transition, the operators have had years to prepare for this.</p></div>
        </section>
        <aside class="related"><h2>Related stories</h2><ul>
          <li><a href="/a">Crane makers court smaller terminals</a></li><li><a href="/b">Inspectors short of staff, audit finds</a></li><li><a href="/c">Automation talks stall at northern port</a></li>
        </ul></aside>
        <footer class="site-footer"><p>© 2026 Quayside Post. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
        </body></html>
        """;

    /// <summary>Only a title element and a site name: the page itself is the last source of metadata.</summary>
    public const string DefaultHead = """
        <title>Ministry drafts override logs for automated cranes | Quayside Post</title>
        <meta property="og:site_name" content="Quayside Post">
        """;

    /// <summary>Words of the chrome around the article; none may reach the extracted content.</summary>
    public static readonly string[] Chrome =
    [
        "Subscribe today", "Technology", "Jobs", "Dockworker 77", "Harbour watcher", "Related stories", "Crane makers court",
        "All rights reserved", "Privacy", "Share", "Transport Correspondent",
    ];
}
