using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PolicyTracker.Web.Accounts;

/// <summary>
/// Decrypting the sign-in cookie (key derivation, AES, HMAC, then deserializing the claims) was
/// a fifth of an Article page request. A browser sends the same cookie on every request, so the
/// ticket read from a given cookie is remembered for a minute. Only bytes that already decrypted
/// and verified once are ever found here; expiry and the security-stamp check still run on
/// every request, on a copy, exactly as for a freshly read ticket.
/// </summary>
public sealed class CookieTickets(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    const int MaxEntries = 10_000;
    static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);
    readonly ConcurrentDictionary<string, (AuthenticationTicket Ticket, DateTimeOffset Until)> read = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null) return inner.Unprotect(protectedText, purpose);
        var now = clock.GetUtcNow();
        if (read.TryGetValue(protectedText, out var entry) && entry.Until > now) return entry.Ticket.Clone();

        var ticket = inner.Unprotect(protectedText);
        if (ticket is null) return null;
        if (read.Count >= MaxEntries) Sweep(now);
        read[protectedText] = (ticket.Clone(), now + KeepFor);
        return ticket;
    }

    /// <summary>Drops expired entries, or everything when the table is full of live ones.</summary>
    void Sweep(DateTimeOffset now)
    {
        foreach (var (key, value) in read)
            if (value.Until <= now) read.TryRemove(key, out _);
        if (read.Count >= MaxEntries) read.Clear();
    }

    /// <summary>Wraps the application cookie's ticket format once the defaults have been filled in.</summary>
    public sealed class Setup(TimeProvider clock, IOptions<SecurityStampValidatorOptions> stampOptions) : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name != IdentityConstants.ApplicationScheme || options.TicketDataFormat is CookieTickets) return;
            options.TicketDataFormat = new CookieTickets(options.TicketDataFormat, clock);

            // Identity's validator is resolved (with a UserManager and a database context) on every
            // request only to find that its interval has not passed; ask it only when it has.
            var validate = options.Events.OnValidatePrincipal;
            var interval = stampOptions.Value.ValidationInterval;
            options.Events.OnValidatePrincipal = context =>
            {
                var issued = context.Properties.IssuedUtc;
                return issued is not null && clock.GetUtcNow() - issued.Value <= interval ? Task.CompletedTask : validate(context);
            };
        }
    }
}
