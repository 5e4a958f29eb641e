using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Ingestion;

namespace PolicyTracker.Web.Operations;

/// <summary>What a new deployment does once it listens: import the sample content, and offer the set-up link.</summary>
public static class FirstRun
{
    public static async Task PrepareAsync(WebApplication app)
    {
        // One node at a time: the others wait, then find the seeds and the import done.
        await app.Services.GetRequiredService<ScaleOut.Leases>().RunExclusiveAsync("first-run", TimeSpan.FromMinutes(10), async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            // Rules first, so the first import is already flagged (and unedited seeded rules take newer seeded wording).
            await scope.ServiceProvider.GetRequiredService<Provenance.RuleSeeder>().SeedAsync(app.Environment.ContentRootPath);
            await scope.ServiceProvider.GetRequiredService<Entities.EntitySeeder>().SeedIfEmptyAsync(app.Environment.ContentRootPath);
            var summary = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportOnceAsync(app.Environment.ContentRootPath);
            if (summary is not null)
                app.Logger.LogInformation("First run: imported {Created} articles from content/ ({Failed} failed)", summary.Created, summary.Failed.Count);
        });

        // Issued before the server listens; printed once the address is known.
        string? secret;
        await using (var scope = app.Services.CreateAsyncScope())
            secret = await scope.ServiceProvider.GetRequiredService<FirstRunSetup>().IssueAsync();
        if (secret is not null) app.Lifetime.ApplicationStarted.Register(() => PrintSetupLink(app, secret));
    }

    static void PrintSetupLink(WebApplication app, string secret)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? "http://localhost:5000";
        address = address.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost");
        Console.WriteLine();
        Console.WriteLine("No account exists yet. Open this one-time link to create the first Admin:");
        Console.WriteLine($"  {address.TrimEnd('/')}/setup?token={secret}");
        Console.WriteLine();
    }
}
