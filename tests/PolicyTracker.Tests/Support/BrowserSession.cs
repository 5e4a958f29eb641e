using Microsoft.Playwright;

namespace PolicyTracker.Tests.Support;

/// <summary>Headless Chromium (the machine's own, /usr/bin/chromium) driven by Playwright.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Starts Chromium, or skips the test (fails under CI) when it is not installed.</summary>
    public static async Task<BrowserSession> StartAsync()
    {
        RequiredPrograms.RequireChromium();
        var session = new BrowserSession { playwright = await Playwright.CreateAsync() };
        session.Browser = await session.playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = RequiredPrograms.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        return session;
    }

    /// <summary>A fresh context (its own cookies) with a page on the app.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = baseAddress.ToString() });
        context.SetDefaultTimeout(30_000); // CI runs on two cores alongside the app under test
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the form.</summary>
    public static async Task SignInAsync(IPage page, Member member)
    {
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("E-mail").FillAsync(member.Email);
        await page.GetByLabel("Password").FillAsync(member.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Reaching the address is the sign-in's outcome; what follows waits for the elements it uses.
        // (Waiting for the load event as well once timed out on a loaded CI machine after the address matched.)
        await page.WaitForURLAsync("**/articles", new() { WaitUntil = WaitUntilState.Commit });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
    }
}
