namespace PolicyTracker.Web.Operations;

/// <summary>
/// The verbs of the same executable (no verb = serve). Each writes to the database only;
/// the running app picks the changes up from the events table.
/// </summary>
public sealed record CommandLine(string Verb, IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string?> Options)
{
    static readonly string[] Verbs = ["users", "tokens", "backup", "ingest", "feeds", "help", "--help"];

    public const string Usage = """
        Usage: PolicyTracker.Web [verb] [options]     (no verb: serve the app)

          users add --email E --role Analyst|Editor|Admin [--password P] [--name N]
                                    create a member (password read from standard input when omitted)
          tokens create --email E [--name N] [--read-only]
                                    create a personal access token, printed alone on the last line
          backup <file>             write a consistent copy of the database, also while the app runs
          ingest <file|folder|url>...
                                    import Markdown (.md), text (.txt) and HTML (.html) files, pages and feeds
          feeds add <url> [--every 15m] [--full-pages]
                                    follow a feed; the running app polls it

        Settings come from appsettings.json and the environment (e.g. DataDirectory=/tmp/x).
        """;

    /// <summary>The command in <paramref name="args"/>, or null when the app should serve.</summary>
    public static CommandLine? Parse(string[] args)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase)) return null;
        var positional = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = args[i][2..];
                var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                options[name] = hasValue ? args[++i] : null;
            }
            else
            {
                positional.Add(args[i]);
            }
        }
        return new CommandLine(args[0].ToLowerInvariant(), positional, options);
    }

    /// <summary>The value of a required option, or an error naming it.</summary>
    public string Required(string name) =>
        Options.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : throw new CommandLineException($"--{name} is required.");

    public string? Optional(string name) => Options.TryGetValue(name, out var v) ? v : null;

    public bool Flag(string name) => Options.ContainsKey(name);
}

/// <summary>A command-line mistake; the message tells the person what to type.</summary>
public sealed class CommandLineException(string message) : Exception(message);
