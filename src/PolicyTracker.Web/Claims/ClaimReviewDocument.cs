using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Claims;

/// <summary>
/// A ruled claim as schema.org ClaimReview JSON-LD, for search engines and fact-check
/// aggregators. Ratings run from 1 (false) to 5 (verified).
/// </summary>
public sealed class ClaimReviewDocument(TrackerDb db, ClaimsSettings settings)
{
    /// <summary>The JSON-LD for the claim, or null when the claim does not exist.</summary>
    public async Task<JsonObject?> BuildAsync(int claimId, Uri site, CancellationToken ct)
    {
        var claim = await db.Claims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == claimId, ct);
        if (claim is null) return null;
        var article = await Appearance(claim.ArticleId, site, ct);
        var first = await FirstAppearanceAsync(claim.ArticleId, site, ct);
        var (value, label) = Rating(claim.Status);
        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ClaimReview",
            ["url"] = new Uri(site, $"claims/{claim.Id}").ToString(),
            ["claimReviewed"] = claim.Exact,
            ["datePublished"] = (claim.RuledAt ?? claim.UpdatedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["author"] = new JsonObject { ["@type"] = "Organization", ["name"] = settings.PublisherName },
            ["reviewRating"] = new JsonObject
            {
                ["@type"] = "Rating", ["ratingValue"] = value, ["bestRating"] = 5, ["worstRating"] = 1, ["alternateName"] = label,
            },
            ["itemReviewed"] = new JsonObject
            {
                ["@type"] = "Claim",
                ["appearance"] = new JsonArray(article),
                ["firstAppearance"] = first,
            },
        };
    }

    /// <summary>
    /// Where the claim first appeared. Story clusters will name the earliest article of the
    /// claim's story; until then it is the claim's own article. This is the one place to change.
    /// </summary>
    Task<JsonObject> FirstAppearanceAsync(int articleId, Uri site, CancellationToken ct) => Appearance(articleId, site, ct);

    async Task<JsonObject> Appearance(int articleId, Uri site, CancellationToken ct)
    {
        var a = await db.Articles.AsNoTracking().Where(x => x.Id == articleId)
            .Select(x => new { x.Id, x.Title, x.Url, x.PublishedAt, Source = x.Source == null ? null : x.Source.Name }).FirstAsync(ct);
        var work = new JsonObject
        {
            ["@type"] = "CreativeWork",
            ["url"] = a.Url ?? new Uri(site, $"articles/{a.Id}").ToString(),
            ["headline"] = a.Title,
        };
        if (a.PublishedAt is DateTime published) work["datePublished"] = published.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        if (a.Source is not null) work["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = a.Source };
        return work;
    }

    /// <summary>The rating of a status on the 1 (false) to 5 (verified) scale, and its name.</summary>
    public static (int Value, string Label) Rating(string status) => status switch
    {
        ClaimStatuses.Verified => (5, "Verified"),
        ClaimStatuses.False => (1, "False"),
        ClaimStatuses.Disputed => (2, "Disputed"),
        ClaimStatuses.Inconclusive => (3, "Inconclusive"),
        _ => (3, ClaimStatuses.Label(status)),
    };
}
