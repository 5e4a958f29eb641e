using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PolicyTracker.Tests.Ingestion.Fetching;

/// <summary>The test server's endpoints: pages in several encodings, feeds, binaries, errors and redirects.</summary>
static class FetchRoutes
{
    static FetchRoutes() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public const string Utf8Page = "<!doctype html><html><head><title>Grüße</title></head><body><p>AI Act — Grüße</p></body></html>";
    public const string Cp1252Page = "<html><head><meta charset=\"windows-1252\"><title>Café</title></head><body>“Quoted” – café</body></html>";
    public const string BomPage = "<p>Zürich €</p>";
    public const string Feed = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Policy Wire</title>"
        + "<item><title>EU AI Act</title></item></channel></rss>";
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    public static void Map(WebApplication app, FetchTestServer server)
    {
        app.MapGet("/utf8", ctx => Send(ctx, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(Utf8Page)));
        app.MapGet("/cp1252", ctx => Send(ctx, "text/html", Encoding.GetEncoding(1252).GetBytes(Cp1252Page)));
        app.MapGet("/bom", ctx => Send(ctx, "text/html; charset=windows-1252", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(BomPage)]));
        app.MapGet("/feed.xml", ctx => Send(ctx, "application/rss+xml", Encoding.UTF8.GetBytes(Feed)));
        app.MapGet("/image.png", ctx => Send(ctx, "image/png", Png));
        app.MapGet("/doc.pdf", ctx => Send(ctx, "application/pdf", "%PDF-1.7\n%\u00e2\u00e3"u8.ToArray()));
        app.MapGet("/untyped-html", ctx => Send(ctx, null, Encoding.UTF8.GetBytes(Utf8Page)));
        app.MapGet("/untyped-png", ctx => Send(ctx, null, Png));
        app.MapGet("/octet-text", ctx => Send(ctx, "application/octet-stream", "just some words"u8.ToArray()));
        app.MapGet("/nul-text", ctx => Send(ctx, "text/plain", "abc\0\0def"u8.ToArray()));
        app.MapGet("/empty", ctx => Send(ctx, "text/html", []));
        app.MapGet("/no-content", ctx => { ctx.Response.StatusCode = 204; return Task.CompletedTask; });

        app.MapGet("/big-chunked", BigChunked);
        app.MapGet("/big-declared", BigDeclared);
        app.MapGet("/gzip", ctx => Compressed(ctx, "gzip", "text/html; charset=utf-8", Encoding.UTF8.GetBytes(Utf8Page)));
        app.MapGet("/br", ctx => Compressed(ctx, "br", "text/html; charset=utf-8", Encoding.UTF8.GetBytes(Utf8Page)));
        app.MapGet("/bad-gzip", ctx =>
        {
            ctx.Response.Headers.ContentEncoding = "gzip";
            return Send(ctx, "text/html", [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        });
        app.MapGet("/gzip-bomb", ctx => Compressed(ctx, "gzip", "text/plain", Encoding.ASCII.GetBytes(new string('a', 2 * 1024 * 1024))));
        app.MapGet("/slow", async ctx => await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted));
        app.MapGet("/slow-body", SlowBody);

        app.MapGet("/missing", ctx => { ctx.Response.StatusCode = 404; return Task.CompletedTask; });
        app.MapGet("/busy", ctx => Status(ctx, 503, "120"));
        app.MapGet("/throttled", ctx => Status(ctx, 429, DateTimeOffset.UtcNow.AddSeconds(90).ToString("r")));
        app.MapGet("/etag", ETag);
        app.MapGet("/echo", Echo);

        app.MapGet("/redirect/{n:int}", (HttpContext ctx, int n) => n > 0
            ? Redirect(ctx, $"/redirect/{n - 1}")
            : Send(ctx, "text/plain", "landed"u8.ToArray()));
        app.MapGet("/loop", ctx => Redirect(ctx, "/loop"));
        app.MapGet("/to", ctx => Redirect(ctx, ctx.Request.Query["target"].ToString()));
        app.MapGet("/no-location", ctx => { ctx.Response.StatusCode = 302; return Task.CompletedTask; });
        app.MapGet("/landing/{name}", (HttpContext ctx, string name) =>
        {
            server.Landed(name);
            return Send(ctx, "text/plain", Encoding.UTF8.GetBytes($"landing {name}"));
        });
    }

    static Task Send(HttpContext ctx, string? type, byte[] body)
    {
        if (type is not null) ctx.Response.ContentType = type;
        ctx.Response.ContentLength = body.Length;
        return ctx.Response.Body.WriteAsync(body).AsTask();
    }

    static Task Status(HttpContext ctx, int status, string retryAfter)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.Headers.RetryAfter = retryAfter;
        return Task.CompletedTask;
    }

    static Task Redirect(HttpContext ctx, string location)
    {
        ctx.Response.StatusCode = 302;
        ctx.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    static Task Compressed(HttpContext ctx, string encoding, string type, byte[] plain)
    {
        using var packed = new MemoryStream();
        using (Stream zip = encoding == "br" ? new BrotliStream(packed, CompressionLevel.Optimal) : new GZipStream(packed, CompressionLevel.Optimal))
            zip.Write(plain);
        ctx.Response.Headers.ContentEncoding = encoding;
        return Send(ctx, type, packed.ToArray());
    }

    // No Content-Length: only counting while reading can stop it.
    static async Task BigChunked(HttpContext ctx)
    {
        ctx.Response.ContentType = "text/plain";
        var chunk = Encoding.ASCII.GetBytes(new string('x', 8192));
        try
        {
            for (var i = 0; i < 1000; i++)
            {
                await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The fetcher hung up, as it should.
        }
    }

    static async Task BigDeclared(HttpContext ctx)
    {
        ctx.Response.ContentType = "text/plain";
        ctx.Response.ContentLength = 100L * 1024 * 1024;
        await ctx.Response.Body.FlushAsync();
        await WaitForHangUp(ctx);
    }

    static async Task SlowBody(HttpContext ctx)
    {
        ctx.Response.ContentType = "text/html";
        await ctx.Response.Body.WriteAsync("<p>a start"u8.ToArray());
        await ctx.Response.Body.FlushAsync();
        await WaitForHangUp(ctx);
    }

    static async Task WaitForHangUp(HttpContext ctx)
    {
        try { await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted); }
        catch (OperationCanceledException) { }
    }

    static Task ETag(HttpContext ctx)
    {
        ctx.Response.Headers.ETag = "\"v1\"";
        ctx.Response.Headers.LastModified = "Tue, 01 Sep 2026 10:00:00 GMT";
        if (ctx.Request.Headers.IfNoneMatch == "\"v1\"")
        {
            ctx.Response.StatusCode = 304;
            return Task.CompletedTask;
        }
        return Send(ctx, "text/plain; charset=utf-8", "version one"u8.ToArray());
    }

    // Echoes request headers and sends headers that are (and one that is not) kept.
    static Task Echo(HttpContext ctx)
    {
        var h = ctx.Request.Headers;
        ctx.Response.Headers["X-Robots-Tag"] = "noindex";
        ctx.Response.Headers["Link"] = "<https://policy.example/a>; rel=\"canonical\"";
        ctx.Response.Headers["AI-Disclosure"] = "mode=none";
        ctx.Response.Headers["Content-Language"] = "en";
        ctx.Response.Headers["X-Internal"] = "not kept";
        return Send(ctx, "text/plain; charset=utf-8",
            Encoding.UTF8.GetBytes($"ua={h.UserAgent}\naccept={h.Accept}\nencoding={h.AcceptEncoding}\n"));
    }
}
