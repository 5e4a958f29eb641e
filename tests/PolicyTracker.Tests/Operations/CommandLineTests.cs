using System.Net;
using Microsoft.Data.Sqlite;
using PolicyTracker.Tests.Support;

namespace PolicyTracker.Tests.Operations;

/// <summary>The verbs, run as the real executable against a data folder of their own.</summary>
public sealed class CommandLineTests : IDisposable
{
    readonly string data = Path.Combine(Path.GetTempPath(), "policytracker-cli", Guid.NewGuid().ToString("N"));
    Dictionary<string, string> Env => new() { ["DataDirectory"] = data };

    [Fact]
    public async Task Users_add_then_tokens_create_prints_a_working_token_on_the_last_line()
    {
        var added = await AppProcess.RunAsync(["users", "add", "--email", "cli@example.test", "--role", "editor"], Env, standardInput: "typed on stdin 42");
        Assert.True(added.ExitCode == 0, added.Errors);
        Assert.Contains("Created cli@example.test as Editor.", added.Output);

        var created = await AppProcess.RunAsync(["tokens", "create", "--email", "cli@example.test", "--name", "ci", "--read-only"], Env);
        Assert.True(created.ExitCode == 0, created.Errors);
        var token = created.Output.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("pt_", token);

        await using var app = new TrackerApp(new() { ["DataDirectory"] = data });
        using var client = new HttpClient { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/articles", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task Mistakes_get_a_message_and_a_nonzero_exit_code()
    {
        var missing = await AppProcess.RunAsync(["users", "add", "--email", "x@example.test"], Env);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--role is required", missing.Errors);

        var badRole = await AppProcess.RunAsync(["users", "add", "--email", "x@example.test", "--role", "King", "--password", "long enough 12"], Env);
        Assert.Equal(1, badRole.ExitCode);
        Assert.Contains("'King' is not a role", badRole.Errors);

        var noUser = await AppProcess.RunAsync(["tokens", "create", "--email", "ghost@example.test"], Env);
        Assert.Equal(1, noUser.ExitCode);
        Assert.Contains("no member has the e-mail", noUser.Errors);
    }

    [Theory]
    [InlineData("Fetch__MaxResponseBytes", "lots", "Fetch:MaxResponseBytes")]
    [InlineData("Fetch__MaxResponseBytes", "-5", "Fetch:MaxResponseBytes")]
    [InlineData("Database__Provider", "Oracle", "Database:Provider")]
    [InlineData("Database__Provider", "Postgres", "Database:ConnectionString")]
    [InlineData("Security__AllowAnonymousRead", "perhaps", "Security:AllowAnonymousRead")]
    [InlineData("Fetch__AllowedHosts__0", "http://x/y", "Fetch:AllowedHosts")]
    public async Task An_invalid_setting_stops_start_up_naming_the_key(string variable, string value, string key)
    {
        var env = Env;
        env[variable] = value;
        var run = await AppProcess.RunAsync(["--urls", "http://127.0.0.1:0"], env);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Setting '{key}' is invalid", run.Errors);
    }

    [Fact]
    public async Task Backup_writes_a_consistent_copy_while_the_app_runs()
    {
        await using var app = new TrackerApp(new() { ["DataDirectory"] = data });
        var target = Path.Combine(data, "backups", "copy.db");

        var run = await AppProcess.RunAsync(["backup", target], Env);

        Assert.True(run.ExitCode == 0, run.Errors);
        await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using var count = copy.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Articles";
        Assert.True((long)(await count.ExecuteScalarAsync())! >= 40);

        var again = await AppProcess.RunAsync(["backup", target], Env);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("exists", again.Errors);
    }

    [Fact]
    public async Task Ingest_reads_a_folder_and_reports_each_failure()
    {
        var folder = Path.Combine(data, "incoming");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "a.md"), "---\ntitle: Lab pauses preview\nsource: Test Wire\n---\nThe lab paused the preview today.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "b.txt"), "Agency opens consultation\n\nThe agency opened a consultation on model testing.\n");
        await File.WriteAllBytesAsync(Path.Combine(folder, "c.txt"), [0x54, 0x69, 0xff, 0xfe, 0x00, 0x41]);
        await File.WriteAllTextAsync(Path.Combine(folder, "d.md"), "---\ntitle: [unclosed\n---\nbody");

        var run = await AppProcess.RunAsync(["ingest", folder], Env);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("2 ingested, 0 duplicates, 2 failed", run.Output);
        Assert.Contains("c.txt: The file is not UTF-8 text.", run.Output);
        Assert.Contains("d.md: The front matter is not valid YAML", run.Output);

        var twice = await AppProcess.RunAsync(["ingest", Path.Combine(folder, "a.md")], Env);
        Assert.Equal(0, twice.ExitCode);
        Assert.Contains("0 ingested, 1 duplicates, 0 failed", twice.Output);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }
}
