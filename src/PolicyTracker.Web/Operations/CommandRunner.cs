using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Feeds;
using PolicyTracker.Web.Infrastructure;
using PolicyTracker.Web.Ingestion;

namespace PolicyTracker.Web.Operations;

/// <summary>Runs one <see cref="CommandLine"/> verb against the database and returns the exit code.</summary>
public sealed class CommandRunner(IServiceProvider services, TextWriter output, TextWriter errors, TextReader input)
{
    public async Task<int> RunAsync(CommandLine command)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            return (command.Verb, command.Positional.FirstOrDefault()) switch
            {
                ("users", "add") => await AddUserAsync(sp, command),
                ("tokens", "create") => await CreateTokenAsync(sp, command),
                ("backup", _) => await BackupAsync(sp, command),
                ("ingest", _) => await IngestAsync(sp, command),
                ("feeds", "add") => await AddFeedAsync(sp, command),
                _ => Help(command.Verb is "help" or "--help" ? 0 : 2),
            };
        }
        catch (CommandLineException e)
        {
            errors.WriteLine($"error: {e.Message}");
            errors.WriteLine("Run with 'help' for usage.");
            return 2;
        }
    }

    int Help(int code)
    {
        (code == 0 ? output : errors).WriteLine(CommandLine.Usage);
        return code;
    }

    async Task<int> AddUserAsync(IServiceProvider sp, CommandLine command)
    {
        var email = command.Required("email");
        var role = command.Required("role");
        var password = command.Optional("password") ?? input.ReadLine()?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password)) throw new CommandLineException("give --password or type the password on standard input.");
        var created = await sp.GetRequiredService<AccountDirectory>().CreateUserAsync(email, role, password, command.Optional("name"));
        if (!created.Succeeded)
        {
            errors.WriteLine($"error: {created.Error}");
            return 1;
        }
        output.WriteLine($"Created {created.Value!.Email} as {Roles.Normalize(role)}.");
        return 0;
    }

    async Task<int> CreateTokenAsync(IServiceProvider sp, CommandLine command)
    {
        var email = command.Required("email");
        var db = sp.GetRequiredService<TrackerDb>();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == email.Trim().ToUpperInvariant());
        if (user is null)
        {
            errors.WriteLine($"error: no member has the e-mail {email}.");
            return 1;
        }
        var readOnly = command.Flag("read-only");
        var (token, secret) = await sp.GetRequiredService<AccountDirectory>().CreateTokenAsync(user, command.Optional("name"), readOnly);
        output.WriteLine($"Created {(readOnly ? "read-only " : "")}token '{token.Name}' for {user.Email}. It is shown once:");
        output.WriteLine(secret);
        return 0;
    }

    async Task<int> BackupAsync(IServiceProvider sp, CommandLine command)
    {
        var target = command.Positional.FirstOrDefault() ?? throw new CommandLineException("name the backup file: backup <file>.");
        if (sp.GetRequiredService<TrackerSettings>().Database.IsPostgres)
            throw new CommandLineException("backup copies the SQLite file; on PostgreSQL use pg_dump (see README, Scaling out).");
        target = Path.GetFullPath(target);
        if (File.Exists(target)) throw new CommandLineException($"{target} exists; choose a new file name.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // VACUUM INTO reads one consistent snapshot while the app goes on writing.
        var db = sp.GetRequiredService<TrackerDb>();
        await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", target);
        SqliteConnection.ClearAllPools();
        output.WriteLine($"Backed up {sp.GetRequiredService<DataFolder>().DatabasePath} to {target} ({new FileInfo(target).Length:N0} bytes).");
        return 0;
    }

    async Task<int> IngestAsync(IServiceProvider sp, CommandLine command)
    {
        if (command.Positional.Count == 0) throw new CommandLineException("name at least one file, folder or address: ingest <file|folder|url>...");
        var addresses = command.Positional.Where(p => UrlNormalizer.ParseHttp(p) is not null).ToList();
        var summary = await new FileIngestion(sp.GetRequiredService<ArticleStore>(), errors).IngestAsync(command.Positional.Except(addresses));
        int created = summary.Created, duplicates = summary.Duplicates, updated = 0;
        var failed = summary.Failed.ToList();
        foreach (var address in addresses)
        {
            var report = await sp.GetRequiredService<UrlIngestion>().IngestAsync(address);
            created += report.Articles.Count(a => a.Status == "created");
            duplicates += report.Articles.Count(a => a.Status == "duplicate");
            updated += report.Articles.Count(a => a.Status == "updated");
            failed.AddRange(report.Failed.Select(f => $"{f.Url}: {f.Reason}"));
        }
        output.WriteLine($"{created} ingested, {duplicates} duplicates, {(updated > 0 ? $"{updated} updated, " : "")}{failed.Count} failed");
        foreach (var failure in failed) output.WriteLine($"  failed: {failure}");
        return failed.Count == 0 ? 0 : 1;
    }

    async Task<int> AddFeedAsync(IServiceProvider sp, CommandLine command)
    {
        var url = command.Positional.ElementAtOrDefault(1) ?? throw new CommandLineException("name the feed: feeds add <url> [--every 15m].");
        var interval = FeedDirectory.ParseInterval(command.Optional("every") ?? "15m")
            ?? throw new CommandLineException($"'{command.Optional("every")}' is not an interval; use e.g. 15m, 2h or 1d.");
        var added = await sp.GetRequiredService<FeedDirectory>().AddAsync(url, interval, command.Flag("full-pages"));
        if (!added.Succeeded)
        {
            errors.WriteLine($"error: {added.Error}");
            return 1;
        }
        output.WriteLine($"Following {added.Value!.Url} every {interval}. The running app polls it.");
        return 0;
    }
}
