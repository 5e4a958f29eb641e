using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Infrastructure;

namespace PolicyTracker.Web.Accounts;

/// <summary>Identity, cookie and token sign-in, roles as policies, and the sign-in rate limit.</summary>
public static class AccountsSetup
{
    /// <summary>Name of the rate-limit policy on the sign-in form.</summary>
    public const string SignInLimit = "signin";
    const string SmartScheme = "CookieOrToken";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<TrackerUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TrackerDb>()
            .AddSignInManager<TrackerSignInManager>()
            .AddClaimsPrincipalFactory<TrackerClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or token", o => o.ForwardDefaultSelector = context =>
                TokenAuthenticationHandler.Find(context.Request) is null
                    ? IdentityConstants.ApplicationScheme
                    : TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/signin";
            o.LogoutPath = "/account/signout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "pt.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.Events.OnRedirectToLogin = c => AnswerApiOr(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => AnswerApiOr(c, StatusCodes.Status403Forbidden);
        });
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>, CookieTickets.Setup>();
        // A disabled member, a reset password or a role change takes effect within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddSingleton<IAuthorizationHandler, ReadAccessHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Read, p => p.AddRequirements(new ReadAccessRequirement()))
            .AddPolicy(Policies.Analyst, p => p.RequireRole(Roles.AtLeast(Roles.Analyst)))
            .AddPolicy(Policies.Editor, p => p.RequireRole(Roles.AtLeast(Roles.Editor)))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.AtLeast(Roles.Admin)));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<SecuritySettings>().SignInAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
        });

        services.AddSingleton(sp => sp.GetRequiredService<TrackerSettings>().Security);
        services.AddScoped<AccountDirectory>();
        services.AddSingleton<AccountChanges>();
        services.AddMemoryCache();
        services.AddScoped<FirstRunSetup>();
        return services;
    }

    /// <summary>Machine clients (API, annotations, hub) get a status code; pages get the redirect.</summary>
    static Task AnswerApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> c, int status)
    {
        if (IsMachinePath(c.Request.Path))
        {
            c.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        c.Response.Redirect(c.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Paths answered with status codes rather than sign-in redirects.</summary>
    public static bool IsMachinePath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/annotations")
        || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/openapi");
}

/// <summary>Reading is open to every member, and to anyone when <c>Security:AllowAnonymousRead</c> is on.</summary>
public sealed class ReadAccessRequirement : IAuthorizationRequirement;

sealed class ReadAccessHandler(SecuritySettings security) : AuthorizationHandler<ReadAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadAccessRequirement requirement)
    {
        if (security.AllowAnonymousRead || context.User.Identity?.IsAuthenticated == true) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
