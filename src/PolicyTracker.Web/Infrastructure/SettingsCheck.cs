namespace PolicyTracker.Web.Infrastructure;

/// <summary>Reads and checks the settings before anything starts, naming the key at fault.</summary>
public static class SettingsCheck
{
    /// <summary>Binds the settings; throws <see cref="InvalidSettingException"/> naming the first bad key.</summary>
    public static TrackerSettings Load(IConfiguration configuration)
    {
        var settings = new TrackerSettings();
        try
        {
            configuration.Bind(settings);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidSettingException(KeyOf(e.Message) ?? "(configuration)", e.InnerException?.Message ?? e.Message);
        }

        if (string.IsNullOrWhiteSpace(settings.DataDirectory))
            throw new InvalidSettingException("DataDirectory", "must name a folder.");
        if (settings.Security.SignInAttemptsPerMinute <= 0)
            throw new InvalidSettingException("Security:SignInAttemptsPerMinute", "must be a positive number.");
        if (settings.Fetch.MaxResponseBytes <= 0)
            throw new InvalidSettingException("Fetch:MaxResponseBytes", "must be a positive number of bytes.");
        foreach (var host in settings.Fetch.AllowedHosts)
        {
            if (!IsHostEntry(host))
                throw new InvalidSettingException("Fetch:AllowedHosts", $"'{host}' is not a host or host:port entry.");
        }

        var provider = settings.Database.Provider;
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
                ? new InvalidSettingException("Database:Provider", "Postgres is not available in this build yet; use Sqlite.")
                : new InvalidSettingException("Database:Provider", $"'{provider}' is not a provider; use Sqlite or Postgres.");
        }
        return settings;
    }

    static bool IsHostEntry(string entry)
    {
        if (string.IsNullOrWhiteSpace(entry) || entry.Contains('/') || entry.Contains(' ')) return false;
        var colon = entry.LastIndexOf(':');
        var host = colon > 0 && !entry.EndsWith(']') ? entry[..colon] : entry;
        if (colon > 0 && !entry.EndsWith(']') && !int.TryParse(entry[(colon + 1)..], out var port)) return false;
        return Uri.CheckHostName(host.Trim('[', ']')) != UriHostNameType.Unknown;
    }

    // The binder's message reads "Failed to convert configuration value 'x' at 'Fetch:MaxResponseBytes' to type ...".
    static string? KeyOf(string message) =>
        System.Text.RegularExpressions.Regex.Match(message, "at '([^']+)'") is { Success: true } m ? m.Groups[1].Value : null;
}

/// <summary>A setting that stops start-up; the message names the key.</summary>
public sealed class InvalidSettingException(string key, string problem)
    : Exception($"Setting '{key}' is invalid: {problem}")
{
    /// <summary>The configuration key at fault, e.g. <c>Fetch:MaxResponseBytes</c>.</summary>
    public string Key { get; } = key;
}
