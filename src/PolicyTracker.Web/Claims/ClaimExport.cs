using System.Text;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Search;

namespace PolicyTracker.Web.Claims;

/// <summary>One exported claim.</summary>
public sealed record ExportedClaim(int Id, int ArticleId, string ArticleTitle, string? ArticleUrl, string Exact, int Start, int End,
    string Status, bool Orphaned, string? Note, IReadOnlyList<EvidenceItem> Evidence, DateTime? RuledAt, DateTime UpdatedAt);

/// <summary>The accepted claims of the articles a search matches, as JSON rows or CSV.</summary>
public sealed class ClaimExport(SearchService search, TrackerDb db)
{
    /// <summary>Most articles a single export reads.</summary>
    public const int MaxArticles = 5000;

    /// <summary>Claims of the matching articles in article order, then text order; throws <see cref="QueryError"/> for a bad query.</summary>
    public async Task<IReadOnlyList<ExportedClaim>> FindAsync(string? q, string? status, CancellationToken ct)
    {
        var ids = new List<int>();
        for (var page = 1; ids.Count < MaxArticles; page++)
        {
            var result = await search.SearchAsync(new SearchRequest(q, Sort: "date", Page: page, PageSize: 200), ct);
            ids.AddRange(result.Hits.Select(h => h.Id));
            if (result.Hits.Count < 200) break;
        }
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var rows = await (from c in db.Claims.AsNoTracking()
                          join a in db.Articles.AsNoTracking() on c.ArticleId equals a.Id
                          where ids.Contains(c.ArticleId) && c.Suggestion == SuggestionStates.Accepted && (status == null || c.Status == status)
                          select new { Claim = c, a.Title, a.Url }).ToListAsync(ct);
        return [.. rows.OrderBy(r => order[r.Claim.ArticleId]).ThenBy(r => r.Claim.Start).Select(r => new ExportedClaim(
            r.Claim.Id, r.Claim.ArticleId, r.Title, r.Url, r.Claim.Exact, r.Claim.Start, r.Claim.End, r.Claim.Status, r.Claim.Orphaned,
            r.Claim.Note, EvidenceItem.Parse(r.Claim.Evidence), r.Claim.RuledAt, r.Claim.UpdatedAt))];
    }

    /// <summary>RFC 4180 CSV with a header row; evidence as "url-or-article: note" joined by " | ".</summary>
    public static string ToCsv(IEnumerable<ExportedClaim> claims)
    {
        var csv = new StringBuilder("id,articleId,articleTitle,articleUrl,claim,start,end,status,orphaned,note,evidence,ruledAt,updatedAt\r\n");
        foreach (var c in claims)
        {
            var evidence = string.Join(" | ", c.Evidence.Select(e => $"{e.Url ?? $"article {e.ArticleId}"}: {e.Note}"));
            string[] cells = [c.Id.ToString(Inv), c.ArticleId.ToString(Inv), c.ArticleTitle, c.ArticleUrl ?? "", c.Exact, c.Start.ToString(Inv), c.End.ToString(Inv),
                c.Status, c.Orphaned ? "true" : "false", c.Note ?? "", evidence, Iso(c.RuledAt), Iso(c.UpdatedAt)];
            csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
        }
        return csv.ToString();
    }

    static readonly IFormatProvider Inv = System.Globalization.CultureInfo.InvariantCulture;

    static string Iso(DateTime? t) => t?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Inv) ?? "";

    // Quotes every cell that needs it; a leading =, +, - or @ is neutralised so spreadsheets do not run it as a formula.
    static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
