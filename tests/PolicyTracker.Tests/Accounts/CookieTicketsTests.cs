using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Accounts;

public sealed class CookieTicketsTests
{
    readonly TicketDataFormat real = new(new EphemeralDataProtectionProvider().CreateProtector("tests"));

    [Fact]
    public void Each_read_of_a_remembered_cookie_gets_its_own_copy()
    {
        var tickets = new CookieTickets(real, TimeProvider.System);
        var cookie = tickets.Protect(Ticket("member-1"));

        var first = tickets.Unprotect(cookie)!;
        first.Properties.Items["changed"] = "by this request";
        first.Principal.Identities.First().AddClaim(new Claim("extra", "1"));
        var second = tickets.Unprotect(cookie)!;

        Assert.Equal("member-1", second.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.False(second.Properties.Items.ContainsKey("changed"));
        Assert.Null(second.Principal.FindFirst("extra"));
    }

    [Fact]
    public void A_tampered_or_foreign_cookie_is_refused_every_time()
    {
        var tickets = new CookieTickets(real, TimeProvider.System);
        var cookie = tickets.Protect(Ticket("member-1"));
        var tampered = cookie[..^4] + (cookie[^4] == 'A' ? "BBBB" : "AAAA");
        var foreign = new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("tests")).Protect(Ticket("intruder"));

        Assert.NotNull(tickets.Unprotect(cookie));
        Assert.Null(tickets.Unprotect(tampered));
        Assert.Null(tickets.Unprotect(tampered));
        Assert.Null(tickets.Unprotect(foreign));
    }

    static AuthenticationTicket Ticket(string id) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "test")), "Identity.Application");
}
