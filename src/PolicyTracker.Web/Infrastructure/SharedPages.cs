using System.Buffers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Web.Infrastructure;

/// <summary>
/// Renders a page once for everyone who may see the same thing, then serves those bytes to each
/// reader with their own details filled in. The render runs as a stand-in principal that holds
/// only the reader's audience (signed in or not, and their roles), in a request of its own with
/// no temp data, so nothing of the first reader can end up in what the next one sees. Where a
/// view shows the reader's own details (name, id, antiforgery token) the stand-in yields a
/// marker, a slot, that <see cref="WriteAsync"/> replaces per request, HTML-encoded as Razor
/// would have. A view on such a page may therefore use the user only through role checks,
/// the name and id claims and <see cref="PageTokens"/>, and those only in HTML text or
/// attribute values; anything else per reader must be loaded by the page's script.
/// </summary>
public sealed class SharedPages(
    IRazorViewEngine views, IModelMetadataProvider metadata, IOptions<MvcViewOptions> viewOptions, HtmlEncoder encoder, PageTokens tokens)
{
    // Random per process, so no stored text can contain a slot's marker; it never leaves the
    // process, as every slot is filled before the page is written.
    readonly string marker = "ptslot" + Guid.NewGuid().ToString("N");

    /// <summary>What of the reader a shared page may depend on, as a small number: signed in, and each role.</summary>
    public static int AudienceOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return 0;
        var audience = 1;
        for (var i = 0; i < Roles.All.Length; i++)
            if (user.IsInRole(Roles.All[i])) audience |= 2 << i;
        return audience;
    }

    /// <summary>Renders <paramref name="viewName"/> (with its layout) for <paramref name="audience"/>, as <paramref name="action"/>'s view.</summary>
    public async Task<SharedPage> RenderAsync(ActionContext action, string viewName, object model, int audience, IServiceProvider services, CancellationToken ct)
    {
        var request = action.HttpContext.Request;
        var http = new DefaultHttpContext { RequestServices = services, User = StandIn(audience), RequestAborted = ct };
        (http.Request.Method, http.Request.Scheme, http.Request.Host) = (request.Method, request.Scheme, request.Host);
        (http.Request.PathBase, http.Request.Path) = (request.PathBase, request.Path);
        http.Features.Set(new Slots(SlotText(Slot.Token)));
        var context = new ActionContext(http, action.RouteData, action.ActionDescriptor);

        var view = views.FindView(context, viewName, isMainPage: true).EnsureSuccessful([]).View!;
        var viewData = new ViewDataDictionary(metadata, new ModelStateDictionary()) { Model = model };
        await using var writer = new StringWriter();
        var viewContext = new ViewContext(context, view, viewData, new TempDataDictionary(http, NoTempData.Instance), writer, viewOptions.Value.HtmlHelperOptions);
        await view.RenderAsync(viewContext);
        await writer.FlushAsync(ct);
        return Split(writer.ToString());
    }

    /// <summary>Writes <paramref name="page"/> as the response, with the reader's details in its slots.</summary>
    public async Task WriteAsync(HttpContext context, SharedPage page)
    {
        var user = context.User;
        string[] values = page.Slots.Length == 0 ? [] :
        [
            encoder.Encode(tokens.RequestToken(context)),
            encoder.Encode(DisplayName(user) ?? ""),
            encoder.Encode(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? ""),
        ];
        long length = page.LiteralBytes;
        foreach (var slot in page.Slots) length += Encoding.UTF8.GetByteCount(values[(int)slot]);

        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = length;
        var body = response.BodyWriter;
        for (var i = 0; i < page.Literals.Length; i++)
        {
            body.Write(page.Literals[i]);
            if (i < page.Slots.Length) Encoding.UTF8.GetBytes(values[(int)page.Slots[i]], body);
        }
        await body.FlushAsync(context.RequestAborted);
    }

    /// <summary>Whether a shared page can stand for this reader: a signed-in reader needs the id and name the slots show.</summary>
    public static bool CanServe(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated != true || (user.FindFirstValue(ClaimTypes.NameIdentifier) is not null && DisplayName(user) is not null);

    // The name the layout shows: the display name, else the user name.
    static string? DisplayName(ClaimsPrincipal user) => user.FindFirst(TrackerClaims.DisplayName)?.Value ?? user.Identity?.Name;

    string SlotText(Slot slot) => marker + (int)slot;

    /// <summary>The principal a shared page is rendered as: the audience's roles, and slots for name and id.</summary>
    ClaimsPrincipal StandIn(int audience)
    {
        if ((audience & 1) == 0) return new ClaimsPrincipal(new ClaimsIdentity());
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, SlotText(Slot.UserId)),
            new(ClaimTypes.Name, SlotText(Slot.Name)),
            new(TrackerClaims.DisplayName, SlotText(Slot.Name)),
        ];
        for (var i = 0; i < Roles.All.Length; i++)
            if ((audience & (2 << i)) != 0) claims.Add(new Claim(ClaimTypes.Role, Roles.All[i]));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "shared-page", ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The rendered text cut at its slots, as UTF-8.</summary>
    SharedPage Split(string html)
    {
        var literals = new List<byte[]>();
        var slots = new List<Slot>();
        var start = 0;
        for (var at = html.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = html.IndexOf(marker, start, StringComparison.Ordinal))
        {
            literals.Add(Encoding.UTF8.GetBytes(html[start..at]));
            slots.Add((Slot)(html[at + marker.Length] - '0'));
            start = at + marker.Length + 1;
        }
        literals.Add(Encoding.UTF8.GetBytes(html[start..]));
        return new SharedPage([.. literals], [.. slots], literals.Sum(l => (long)l.Length));
    }

    /// <summary>Where a shared render is running: <see cref="PageTokens"/> writes this marker instead of a token.</summary>
    public sealed record Slots(string Token);

    /// <summary>A shared render sees no temp data (messages of the last action): pages that have some are rendered normally.</summary>
    sealed class NoTempData : ITempDataProvider
    {
        public static readonly NoTempData Instance = new();
        public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>();
        public void SaveTempData(HttpContext context, IDictionary<string, object> values) { }
    }
}

/// <summary>A reader's detail that a shared page leaves open.</summary>
public enum Slot { Token, Name, UserId }

/// <summary>A page rendered once: UTF-8 pieces with a slot between each two.</summary>
public sealed record SharedPage(byte[][] Literals, Slot[] Slots, long LiteralBytes);
