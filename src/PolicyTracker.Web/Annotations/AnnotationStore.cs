using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;

namespace PolicyTracker.Web.Annotations;

/// <summary>Who is changing annotations: their id and name, and whether they may delete anyone's.</summary>
public sealed record Annotator(string UserId, string Name, bool MayDeleteAny)
{
    public static Annotator From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        user.FindFirstValue(TrackerClaims.DisplayName) ?? user.Identity?.Name ?? "",
        user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin));
}

/// <summary>The result of a change: the annotation, or an HTTP status with a reason (and, on a conflict, the current version).</summary>
public sealed record AnnotationOutcome(Annotation? Annotation, int Status, string? Error = null, Annotation? Current = null)
{
    public static AnnotationOutcome Fail(int status, string error, Annotation? current = null) => new(null, status, error, current);
}

/// <summary>
/// Creates, changes and deletes annotations. Each change is stored in one transaction with its
/// numbered event, which the broadcaster pushes to the article's group (or to the author alone
/// when the annotation is private).
/// </summary>
public sealed class AnnotationStore(TrackerDb db, AnnotationWriteGate gate, Articles.ArticleReader reader)
{
    /// <summary>Annotations of an article that <paramref name="userId"/> may see, oldest first.</summary>
    public IQueryable<Annotation> Visible(int articleId, string userId) =>
        db.Annotations.AsNoTracking()
            .Where(a => a.ArticleId == articleId && (a.Visibility == AnnotationVisibility.Team || a.AuthorId == userId))
            .OrderBy(a => a.Id);

    public Task<bool> ArticleExistsAsync(int articleId, CancellationToken ct) => db.Articles.AnyAsync(a => a.Id == articleId, ct);

    /// <summary>One annotation as its reader may see it: 404 when it is not in the article, 403 when it is another member's private one.</summary>
    public async Task<AnnotationOutcome> GetAsync(int articleId, int id, string userId, CancellationToken ct)
    {
        var a = await db.Annotations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.ArticleId == articleId, ct);
        return Check(a, articleId, id, userId);
    }

    /// <summary>Stores a new annotation on the article.</summary>
    public async Task<AnnotationOutcome> CreateAsync(int articleId, AnnotationDraft draft, Annotator who, AnnotationJson json, CancellationToken ct)
    {
        var text = await CanonicalTextAsync(articleId, ct);
        if (text is null) return AnnotationOutcome.Fail(404, $"Article {articleId} does not exist.");
        var a = new Annotation { ArticleId = articleId, AuthorId = who.UserId, AuthorName = who.Name, Canonical = draft.Canonical, Via = draft.Via };
        var parentPrivate = false;
        if (draft.ParentId is int parentId)
        {
            var parent = await db.Annotations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == parentId && x.ArticleId == articleId, ct);
            var check = Check(parent, articleId, parentId, who.UserId);
            if (check.Annotation is null) return check;
            a.ParentId = parentId;
            parentPrivate = parent!.Visibility == AnnotationVisibility.Private;
        }
        if (Apply(a, draft, text, parentPrivate) is { } error) return error;

        await gate.CreateAsync(a, saved => Event(EventTypes.AnnotationCreated, saved, json));
        return new AnnotationOutcome(a, 201);
    }

    /// <summary>Replaces an annotation's content; only its author may, and only from the version named in <paramref name="ifMatch"/> when given.</summary>
    public async Task<AnnotationOutcome> UpdateAsync(int articleId, int id, AnnotationDraft draft, string? ifMatch, Annotator who, AnnotationJson json, CancellationToken ct)
    {
        var a = await db.Annotations.FirstOrDefaultAsync(x => x.Id == id && x.ArticleId == articleId, ct);
        var check = Check(a, articleId, id, who.UserId);
        if (check.Annotation is null) return check;
        if (a!.AuthorId != who.UserId) return AnnotationOutcome.Fail(403, "Only the author may edit an annotation.");
        if (!Matches(ifMatch, a)) return AnnotationOutcome.Fail(412, $"Annotation {id} was changed by someone else (now version {a.Version}); reload it and apply your change again.", a);

        var wasPrivate = a.Visibility == AnnotationVisibility.Private;
        var text = await CanonicalTextAsync(articleId, ct) ?? "";
        if (Apply(a, draft, text, await ParentPrivateAsync(a.ParentId, ct)) is { } error) return error;
        a.Version++;
        a.ModifiedAt = DateTime.UtcNow;
        using var turn = await gate.EnterAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Made private: everyone else's pages drop it before the author's page gets the new version.
        if (!wasPrivate && a.Visibility == AnnotationVisibility.Private)
            db.Events.Add(TrackerEvent.Create(EventTypes.AnnotationDeleted, articleId, new { id = a.Id, articleId, a.ParentId }));
        db.Events.Add(Event(EventTypes.AnnotationUpdated, a, json));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another edit committed between our read and our write: same answer as a stale If-Match.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var current = await db.Annotations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            return current is null
                ? AnnotationOutcome.Fail(404, $"Annotation {id} was deleted meanwhile.")
                : AnnotationOutcome.Fail(412, $"Annotation {id} was changed by someone else (now version {current.Version}); reload it and apply your change again.", current);
        }
        await tx.CommitAsync(ct);
        return new AnnotationOutcome(a, 200);
    }

    /// <summary>Deletes an annotation and the replies under it; its author may, and Editors may delete any they can see.</summary>
    public async Task<AnnotationOutcome> DeleteAsync(int articleId, int id, string? ifMatch, Annotator who, CancellationToken ct)
    {
        var a = await db.Annotations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.ArticleId == articleId, ct);
        var check = Check(a, articleId, id, who.UserId);
        if (check.Annotation is null) return check;
        if (a!.AuthorId != who.UserId && !who.MayDeleteAny) return AnnotationOutcome.Fail(403, "Only the author or an Editor may delete an annotation.");
        if (!Matches(ifMatch, a)) return AnnotationOutcome.Fail(412, $"Annotation {id} was changed by someone else (now version {a.Version}).", a);

        var thread = await db.Annotations.AsNoTracking().Where(x => x.ArticleId == articleId && x.ParentId != null)
            .Select(x => new { x.Id, x.ParentId, x.Visibility, x.AuthorId }).ToListAsync(ct);
        var doomed = new List<(int Id, int? ParentId, string? VisibleTo)> { (a.Id, a.ParentId, Private(a.Visibility, a.AuthorId)) };
        for (var i = 0; i < doomed.Count; i++)
            doomed.AddRange(thread.Where(r => r.ParentId == doomed[i].Id).Select(r => (r.Id, r.ParentId, Private(r.Visibility, r.AuthorId))));

        using var turn = await gate.EnterAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = doomed.Select(d => d.Id).ToList();
        await db.Annotations.Where(x => ids.Contains(x.Id)).ExecuteDeleteAsync(ct);
        // Replies first, so no page is left holding a reply whose parent is gone.
        foreach (var d in Enumerable.Reverse(doomed))
            db.Events.Add(TrackerEvent.Create(EventTypes.AnnotationDeleted, articleId, new { id = d.Id, articleId, parentId = d.ParentId }, d.VisibleTo));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new AnnotationOutcome(a, 204);
    }

    static AnnotationOutcome? Apply(Annotation a, AnnotationDraft draft, string text, bool parentPrivate)
    {
        if (a.ParentId is null && draft.Selector is { } input)
        {
            var unchanged = a.Selector is { } old && input.Exact == old.Exact && input.Start == old.Start && input.End == old.End;
            if (!unchanged)
            {
                var (selector, error) = QuoteAnchor.Resolve(text, input.Exact, input.Prefix, input.Suffix, input.Start, input.End);
                if (error is not null) return AnnotationOutcome.Fail(422, error);
                a.SetSelector(selector);
                a.Orphaned = false;
            }
        }
        else if (a.ParentId is null)
        {
            a.SetSelector(null);
            a.Orphaned = false;
        }
        a.TargetSource = a.ParentId is null ? draft.TargetSource : null;
        a.Body = draft.Body;
        a.BodyHtml = CommentMarkdown.Render(draft.Body);
        a.Tags = [.. draft.Tags];
        // A reply in a private thread stays private: nobody else can see what it answers.
        a.Visibility = parentPrivate ? AnnotationVisibility.Private : draft.Visibility;
        if (draft.Canonical is not null) a.Canonical = draft.Canonical;
        return null;
    }

    /// <summary>
    /// The article's canonical text, which selectors are checked against, kept with the article's
    /// other cached parts: it changes only with a new revision, whose event drops it (annotation
    /// events do not), so a create need not read the article again. Null for an unknown article.
    /// </summary>
    Task<string?> CanonicalTextAsync(int articleId, CancellationToken ct) =>
        reader.PartAsync("canonical-text", articleId, (services, c) =>
            services.GetRequiredService<TrackerDb>().Articles.Where(a => a.Id == articleId).Select(a => a.Text).FirstOrDefaultAsync(c), ct);

    async Task<bool> ParentPrivateAsync(int? parentId, CancellationToken ct) =>
        parentId is int p && await db.Annotations.AnyAsync(x => x.Id == p && x.Visibility == AnnotationVisibility.Private, ct);

    static AnnotationOutcome Check(Annotation? a, int articleId, int id, string userId) =>
        a is null ? AnnotationOutcome.Fail(404, $"Annotation {id} does not exist on article {articleId}.")
        : !a.VisibleTo(userId) ? AnnotationOutcome.Fail(403, $"Annotation {id} is private to its author.")
        : new AnnotationOutcome(a, 200);

    static bool Matches(string? ifMatch, Annotation a) =>
        string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == a.ETag || t == "W/" + a.ETag);

    static string? Private(string visibility, string authorId) => visibility == AnnotationVisibility.Private ? authorId : null;

    static TrackerEvent Event(string type, Annotation a, AnnotationJson json) => TrackerEvent.Create(type, a.ArticleId,
        new { id = a.Id, articleId = a.ArticleId, parentId = a.ParentId, version = a.Version, annotation = json.Write(a) },
        Private(a.Visibility, a.AuthorId));
}
