using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Provenance;

namespace PolicyTracker.Tests.Provenance;

/// <summary>Seeded rules follow the seed file until an Editor changes them; edited rules are never overwritten.</summary>
public sealed class RuleSeederTests : IAsyncLifetime
{
    readonly string folder = Directory.CreateTempSubdirectory("rule-seeder-").FullName;
    TrackerDb db = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(folder, "content"));
        db = new TrackerDb(new DbContextOptionsBuilder<TrackerDb>().UseSqlite($"Data Source={Path.Combine(folder, "tracker.db")}").Options);
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, true);
    }

    static object Seed(string id, string pattern, params string[] before) => new
    {
        id, kind = "ai-generated", severity = "high", selfReferenceOnly = true, description = "d", pattern, seededBefore = before,
    };

    static string FingerprintOf(string pattern) => RuleSeeder.Fingerprint("ai-generated", "high", pattern, true, "d");

    async Task<int> SeedAsync(params object[] seeds)
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "content", "provenance-rules.json"), JsonSerializer.Serialize(seeds), TestContext.Current.CancellationToken);
        db.ChangeTracker.Clear();
        return await new RuleSeeder(db, new Reevaluation(db), NullLogger<RuleSeeder>.Instance).SeedAsync(folder, TestContext.Current.CancellationToken);
    }

    async Task<ProvenanceRule> RuleAsync(string id) => await db.ProvenanceRules.AsNoTracking().SingleAsync(r => r.Id == id, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Unedited_seeded_rules_take_the_newer_wording_and_edited_ones_are_left_alone()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(3, await SeedAsync(Seed("a.plain", "old a"), Seed("a.edited", "old b"), Seed("a.off", "old c")));
        Assert.Equal(0, (await new Reevaluation(db).StateAsync(ct)).Requested);

        // An Editor edits one rule and disables another, as RuleBook does (version up).
        var book = new RuleBook(db, new Reevaluation(db));
        Assert.True((await book.SaveAsync(new RuleInput("a.edited", "ai-generated", "high", "editor's b", true, "d"), false, ct)).Succeeded);
        Assert.True((await book.SaveAsync(new RuleInput("a.off", "ai-generated", "high", "old c", true, "d", Enabled: false), false, ct)).Succeeded);
        var requestedBefore = (await new Reevaluation(db).StateAsync(ct)).Requested;

        var changed = await SeedAsync(
            Seed("a.plain", "new a", FingerprintOf("old a")),
            Seed("a.edited", "new b", FingerprintOf("old b")),
            Seed("a.off", "new c", FingerprintOf("old c")),
            Seed("a.added", "brand new"));

        Assert.Equal(2, changed);
        var plain = await RuleAsync("a.plain");
        Assert.Equal(("new a", 2), (plain.Pattern, plain.Version));
        var edited = await RuleAsync("a.edited");
        Assert.Equal(("editor's b", 2), (edited.Pattern, edited.Version));
        var off = await RuleAsync("a.off");
        Assert.Equal(("old c", false), (off.Pattern, off.Enabled));
        Assert.Equal("brand new", (await RuleAsync("a.added")).Pattern);
        Assert.Equal(requestedBefore + 1, (await new Reevaluation(db).StateAsync(ct)).Requested);

        // Seeding again changes nothing and asks for nothing.
        Assert.Equal(0, await SeedAsync(Seed("a.plain", "new a", FingerprintOf("old a")), Seed("a.added", "brand new")));
        Assert.Equal(("new a", 2), ((await RuleAsync("a.plain")).Pattern, (await RuleAsync("a.plain")).Version));
    }

    [Fact]
    public void The_seed_file_lists_earlier_wordings_only()
    {
        var rules = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "content", "provenance-rules.json")))!.AsArray();
        Assert.Contains(rules, r => r!["seededBefore"] is JsonArray { Count: > 0 });
        foreach (var r in rules)
        {
            var current = RuleSeeder.Fingerprint((string)r!["kind"]!, (string)r["severity"]!, (string)r["pattern"]!, (bool)r["selfReferenceOnly"]!, (string?)r["description"]);
            var before = r["seededBefore"]?.AsArray().Select(h => (string)h!).ToList() ?? [];
            Assert.DoesNotContain(current, before);
            Assert.All(before, h => Assert.Matches("^[0-9a-f]{64}$", h));
        }
    }
}
