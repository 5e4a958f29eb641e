using System.Net;
using AngleSharp.Html.Parser;

namespace PolicyTracker.Tests.Support;

/// <summary>
/// Talks to the app the way a browser does: keeps cookies, reads forms and sends their
/// antiforgery field back. Redirects are not followed, so tests can assert them.
/// </summary>
public sealed class BrowserLikeClient : IDisposable
{
    readonly HttpClient http;

    public BrowserLikeClient(Uri address)
    {
        Cookies = new CookieContainer();
        http = new HttpClient(new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = address };
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path);

    /// <summary>The page's HTML (asserting 200).</summary>
    public async Task<string> GetPageAsync(string path)
    {
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a form found on <paramref name="pagePath"/> (the one whose action is <paramref name="action"/>), with the given fields.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pagePath, string action, Dictionary<string, string> fields)
    {
        var html = await GetPageAsync(pagePath);
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"No form posting to {action} on {pagePath}.");
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (k, v) in fields) values[k] = v;
        return await http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>Uploads files through the multipart form on <paramref name="pagePath"/> posting to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string pagePath, string action, string field, params (string Name, byte[] Content)[] files)
    {
        var document = new HtmlParser().ParseDocument(await GetPageAsync(pagePath));
        var form = document.QuerySelectorAll("form").First(f => f.GetAttribute("action") == action);
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]"))
            content.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        foreach (var (name, bytes) in files) content.Add(new ByteArrayContent(bytes), field, name);
        return await http.PostAsync(action, content);
    }

    /// <summary>Posts raw fields without any antiforgery token.</summary>
    public Task<HttpResponseMessage> PostWithoutTokenAsync(string action, Dictionary<string, string> fields) =>
        http.PostAsync(action, new FormUrlEncodedContent(fields));

    /// <summary>Signs in through the form; returns the response (a redirect on success).</summary>
    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        SubmitAsync("/account/signin", "/account/signin", new() { ["Email"] = email, ["Password"] = password });

    public void Dispose() => http.Dispose();
}
