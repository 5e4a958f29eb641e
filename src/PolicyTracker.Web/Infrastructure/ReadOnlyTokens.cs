using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Web.Infrastructure;

/// <summary>A request signed with a read-only token may read but not change anything: writes get 403.</summary>
public static class ReadOnlyTokens
{
    public static IApplicationBuilder UseReadOnlyTokens(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var method = context.Request.Method;
        var isWrite = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
        // The hub's negotiate is a POST, but hub methods only read.
        if (isWrite && context.User.HasClaim(TrackerClaims.ReadOnly, "true") && !context.Request.Path.StartsWithSegments("/hubs"))
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: "This token is read-only; use a token with write access for changes.").ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
