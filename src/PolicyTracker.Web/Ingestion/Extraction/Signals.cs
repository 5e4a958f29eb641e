using System.Text.RegularExpressions;

namespace PolicyTracker.Web.Ingestion.Extraction;

/// <summary>The class and id words that say what a block of a page is.</summary>
static partial class Signals
{
    /// <summary>Page chrome: menus, comments, sidebars, footers, sharing, pagination.</summary>
    [GeneratedRegex(@"-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote", RegexOptions.IgnoreCase)]
    public static partial Regex Unlikely();

    /// <summary>Words that rescue a block the chrome pattern matched.</summary>
    [GeneratedRegex(@"and|article|body|column|content|main|mathjax|shadow", RegexOptions.IgnoreCase)]
    public static partial Regex MaybeContent();

    /// <summary>Words of article containers.</summary>
    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", RegexOptions.IgnoreCase)]
    public static partial Regex Positive();

    /// <summary>Words of everything around the article.</summary>
    [GeneratedRegex(@"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget", RegexOptions.IgnoreCase)]
    public static partial Regex Negative();

    /// <summary>Author and dateline blocks.</summary>
    [GeneratedRegex(@"byline|author|dateline|writtenby|p-author", RegexOptions.IgnoreCase)]
    public static partial Regex Byline();

    /// <summary>Sharing widgets.</summary>
    [GeneratedRegex(@"(\b|_)(share|sharedaddy)(\b|_)", RegexOptions.IgnoreCase)]
    public static partial Regex Share();

    /// <summary>Embedded players worth keeping.</summary>
    [GeneratedRegex(@"\/\/(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq|bilibili|live\.bilibili)\.com|(archive|upload\.wikimedia)\.org|player\.twitch\.tv)", RegexOptions.IgnoreCase)]
    public static partial Regex Video();

    /// <summary>A block that is only an advertisement label or a loading placeholder.</summary>
    [GeneratedRegex(@"^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio|(loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$", RegexOptions.IgnoreCase)]
    public static partial Regex Placeholder();

    /// <summary>Commas in the scripts articles are written in.</summary>
    [GeneratedRegex("[\u002C\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C]")]
    public static partial Regex Comma();

    /// <summary>True for a comma of any of the scripts <see cref="Comma"/> knows.</summary>
    public static bool IsComma(char c) => c is '\u002C' or '\u060C' or '\uFE50' or '\uFE10' or '\uFE11' or '\u2E41' or '\u2E34' or '\u2E32' or '\uFF0C';

    /// <summary>ARIA roles of page chrome.</summary>
    public static readonly HashSet<string> ChromeRoles = ["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"];

    /// <summary>+25 per positive class or id, -25 per negative one.</summary>
    public static int Weight(AngleSharp.Dom.IElement e)
    {
        var weight = 0;
        foreach (var word in new[] { e.ClassName, e.Id })
        {
            if (string.IsNullOrEmpty(word)) continue;
            if (Negative().IsMatch(word)) weight -= 25;
            if (Positive().IsMatch(word)) weight += 25;
        }
        return weight;
    }
}
