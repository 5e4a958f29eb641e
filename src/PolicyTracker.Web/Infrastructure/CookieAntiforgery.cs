using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Web.Infrastructure;

/// <summary>
/// Every unsafe request that relies on the sign-in cookie must carry the antiforgery token
/// (a form field, or the <c>RequestVerificationToken</c> header from page scripts). Requests
/// signed with a bearer token carry no ambient credentials, so they need none.
/// </summary>
public sealed class CookieAntiforgery(IAntiforgery antiforgery) : IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => 1000; // after authorization has decided who the caller is

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)) return;
        if (TokenAuthenticationHandler.Find(request) is not null) return;
        if (context.Filters.OfType<IgnoreAntiforgeryTokenAttribute>().Any()) return;
        try
        {
            await antiforgery.ValidateRequestAsync(context.HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            context.Result = new ObjectResult(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The form has expired or did not come from this site. Reload the page and try again.",
            }) { StatusCode = StatusCodes.Status400BadRequest };
        }
    }
}
