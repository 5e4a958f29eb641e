using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Web.Operations;

/// <summary>Error answers: ProblemDetails for the API, hub and annotations; a page for people.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // re-executed requests keep their method; the original request was already checked
[ApiExplorerSettings(IgnoreApi = true)]
[Route("error")]
public sealed class ErrorController : Controller
{
    [Route("{code:int}")]
    public IActionResult Show(int code)
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? "";
        if (AccountsSetup.IsMachinePath(original)) return Problem(statusCode: code, title: TitleOf(code));
        Response.StatusCode = code;
        return View("Error", new ErrorPage(code, TitleOf(code)));
    }

    static string TitleOf(int code) => code switch
    {
        400 => "The request could not be understood.",
        401 => "Sign-in is required.",
        403 => "You do not have permission to do that.",
        404 => "Nothing was found at this address.",
        405 => "That method is not allowed here.",
        412 => "Someone changed this in the meantime.",
        415 => "That content type is not supported here.",
        429 => "Too many attempts. Wait a minute and try again.",
        >= 500 => "Something went wrong on our side. It has been logged.",
        _ => "The request could not be completed.",
    };
}

public sealed record ErrorPage(int Code, string Title);
