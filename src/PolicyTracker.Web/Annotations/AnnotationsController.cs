using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Web.Annotations;

/// <summary>
/// The W3C Web Annotation Protocol: one container per article at
/// <c>/annotations/articles/{articleId}/</c> (paged GET, POST) and each annotation at
/// <c>/annotations/articles/{articleId}/{id}</c> (GET, PUT with If-Match, DELETE).
/// Signed-in members only; another member's private annotation is never served.
/// </summary>
[ApiController, Authorize(Policy = Policies.Analyst), EnableCors(AnnotationCors.Policy)]
[Route("annotations/articles/{articleId:int}")]
public sealed class AnnotationsController(AnnotationStore store) : ControllerBase
{
    const int DefaultPageSize = 20;
    const int MaxPageSize = 200;
    const string ContainerLink = "<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\", <http://www.w3.org/TR/annotation-protocol/>; rel=\"http://www.w3.org/ns/ldp#constrainedBy\"";
    const string ResourceLink = "<http://www.w3.org/ns/ldp#Resource>; rel=\"type\"";

    /// <summary>The container (with its first page embedded unless the minimal container is preferred), or one page with <c>?page=n</c>.</summary>
    [HttpGet(""), HttpHead("")]
    public async Task<IActionResult> Container(int articleId, [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken ct)
    {
        if (!await store.ArticleExistsAsync(articleId, ct)) return Problem(statusCode: 404, title: $"Article {articleId} does not exist.");
        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        var json = AnnotationJson.For(Request);
        var visible = store.Visible(articleId, Annotator.From(User).UserId);
        var total = await visible.CountAsync(ct);
        var pages = (total + size - 1) / size;
        var prefer = Request.Headers["Prefer"].ToString();
        var iris = prefer.Contains("PreferContainedIRIs", StringComparison.Ordinal);
        var container = json.ContainerIri(articleId);
        string PageIri(int n) => size == DefaultPageSize ? $"{container}?page={n}" : $"{container}?page={n}&pageSize={size}";

        async Task<JsonObject> Page(int n, bool embedded)
        {
            var items = await visible.Skip(n * size).Take(size).ToListAsync(ct);
            var result = new JsonObject();
            if (!embedded) result["@context"] = AnnotationJson.AnnoContext;
            result["id"] = PageIri(n);
            result["type"] = "AnnotationPage";
            result["partOf"] = new JsonObject { ["id"] = container, ["total"] = total };
            result["startIndex"] = n * size;
            if (n + 1 < pages) result["next"] = PageIri(n + 1);
            if (n > 0) result["prev"] = PageIri(n - 1);
            result["items"] = new JsonArray([.. items.Select(a => iris ? (JsonNode)json.Iri(a.ArticleId, a.Id) : json.Write(a))]);
            return result;
        }

        Vary("Accept", "Prefer");
        if (page is int n)
        {
            if (n < 0 || n >= Math.Max(pages, 1)) return Problem(statusCode: 404, title: $"Page {n} does not exist; the container has {pages} page(s).");
            Response.Headers.Allow = "GET, HEAD, OPTIONS";
            Response.Headers.Link = "<http://www.w3.org/ns/oa#AnnotationPage>; rel=\"type\"";
            return LinkedData(await Page(n, embedded: false), PageIri(n));
        }

        var body = new JsonObject
        {
            ["@context"] = new JsonArray(AnnotationJson.AnnoContext, AnnotationJson.LdpContext),
            ["id"] = container,
            ["type"] = new JsonArray("BasicContainer", "AnnotationCollection"),
            ["total"] = total,
            ["label"] = $"Annotations on article {articleId}",
        };
        if (total > 0)
        {
            body["first"] = prefer.Contains("PreferMinimalContainer", StringComparison.Ordinal) ? PageIri(0) : await Page(0, embedded: true);
            body["last"] = PageIri(pages - 1);
        }
        ContainerHeaders();
        return LinkedData(body, container);
    }

    /// <summary>What the container allows.</summary>
    [HttpOptions("")]
    public IActionResult ContainerOptions(int articleId)
    {
        ContainerHeaders();
        return Ok();
    }

    /// <summary>Creates an annotation (W3C JSON-LD); answers 201 with its IRI in Location.</summary>
    [HttpPost("")]
    [Consumes("application/ld+json", "application/json")]
    public async Task<IActionResult> Create(int articleId, [FromBody] JsonElement annotation, CancellationToken ct)
    {
        // An unknown article is answered by the store, which reads the article's text anyway.
        var (draft, error) = AnnotationInput.Read(annotation, iri => AnnotationJson.AnnotationIdIn(articleId, iri));
        if (draft is null) return Problem(statusCode: 400, title: error);
        var json = AnnotationJson.For(Request);
        var outcome = await store.CreateAsync(articleId, draft, Annotator.From(User), json, ct);
        if (outcome.Annotation is not { } a) return Failed(outcome, json);
        AnnotationHeaders(a);
        Response.Headers.Location = json.Iri(articleId, a.Id);
        return LinkedData(json.Write(a), json.Iri(articleId, a.Id), StatusCodes.Status201Created);
    }

    /// <summary>One annotation.</summary>
    [HttpGet("{id:int}"), HttpHead("{id:int}")]
    public async Task<IActionResult> Get(int articleId, int id, CancellationToken ct)
    {
        var json = AnnotationJson.For(Request);
        var outcome = await store.GetAsync(articleId, id, Annotator.From(User).UserId, ct);
        if (outcome.Annotation is not { } a) return Failed(outcome, json);
        AnnotationHeaders(a);
        return LinkedData(json.Write(a), json.Iri(articleId, id));
    }

    /// <summary>What an annotation allows.</summary>
    [HttpOptions("{id:int}")]
    public IActionResult AnnotationOptions(int articleId, int id)
    {
        Response.Headers.Allow = "GET, HEAD, OPTIONS, PUT, DELETE";
        Response.Headers.Link = ResourceLink;
        return Ok();
    }

    /// <summary>Replaces an annotation (its author only); a stale If-Match gets 412 with the current version.</summary>
    [HttpPut("{id:int}")]
    [Consumes("application/ld+json", "application/json")]
    public async Task<IActionResult> Update(int articleId, int id, [FromBody] JsonElement annotation, CancellationToken ct)
    {
        var (draft, error) = AnnotationInput.Read(annotation, iri => AnnotationJson.AnnotationIdIn(articleId, iri));
        if (draft is null) return Problem(statusCode: 400, title: error);
        var json = AnnotationJson.For(Request);
        var outcome = await store.UpdateAsync(articleId, id, draft, Request.Headers.IfMatch.ToString(), Annotator.From(User), json, ct);
        if (outcome.Annotation is not { } a) return Failed(outcome, json);
        AnnotationHeaders(a);
        return LinkedData(json.Write(a), json.Iri(articleId, id));
    }

    /// <summary>Deletes an annotation and its replies (its author, or an Editor).</summary>
    [HttpDelete("{id:int}")]
    public async Task<IActionResult> Delete(int articleId, int id, CancellationToken ct)
    {
        var outcome = await store.DeleteAsync(articleId, id, Request.Headers.IfMatch.ToString(), Annotator.From(User), ct);
        return outcome.Annotation is null ? Failed(outcome, AnnotationJson.For(Request)) : NoContent();
    }

    void ContainerHeaders()
    {
        Response.Headers.Allow = "GET, HEAD, OPTIONS, POST";
        Response.Headers.Link = ContainerLink;
        Response.Headers["Accept-Post"] = AnnotationJson.MediaType;
        Vary("Accept", "Prefer");
    }

    // Added to what is there: the CORS middleware may already have said Vary: Origin.
    void Vary(params string[] headers)
    {
        var present = Response.Headers.Vary.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Response.Headers.Vary = string.Join(", ", present.Concat(headers).Distinct(StringComparer.OrdinalIgnoreCase));
    }

    void AnnotationHeaders(Annotation a)
    {
        Response.Headers.Allow = "GET, HEAD, OPTIONS, PUT, DELETE";
        Response.Headers.Link = ResourceLink;
        Response.Headers.ETag = a.ETag;
        Vary("Accept");
    }

    ContentResult LinkedData(JsonNode body, string location, int status = StatusCodes.Status200OK)
    {
        var text = body.ToJsonString();
        Response.Headers.ContentLocation = location;
        if (!Response.Headers.ContainsKey("ETag"))
            Response.Headers.ETag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32]}\"";
        return new ContentResult { Content = text, ContentType = AnnotationJson.MediaType, StatusCode = status };
    }

    IActionResult Failed(AnnotationOutcome outcome, AnnotationJson json)
    {
        var problem = ProblemDetailsFactory.CreateProblemDetails(HttpContext, outcome.Status, outcome.Error);
        if (outcome.Current is { } current)
        {
            // The page shows the version that won, so nothing is overwritten unseen.
            problem.Extensions["current"] = json.Write(current);
            Response.Headers.ETag = current.ETag;
        }
        return new ObjectResult(problem) { StatusCode = outcome.Status, ContentTypes = { "application/problem+json" } };
    }
}
