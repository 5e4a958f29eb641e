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
        try
        {
            // The fetcher's own reading of the list, so start-up refuses exactly what it would.
            _ = new Ingestion.Fetching.HostAllowList(settings.Fetch.AllowedHosts);
        }
        catch (ArgumentException e)
        {
            throw new InvalidSettingException("Fetch:AllowedHosts", e.Message);
        }

        try
        {
            _ = Annotations.AnnotationCors.Origins(configuration);
        }
        catch (ArgumentException e)
        {
            throw new InvalidSettingException(Annotations.AnnotationCors.OriginsKey, e.Message);
        }

        var provider = settings.Database.Provider;
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) && !settings.Database.IsPostgres)
            throw new InvalidSettingException("Database:Provider", $"'{provider}' is not a provider; use Sqlite or Postgres.");
        if (settings.Database.IsPostgres && string.IsNullOrWhiteSpace(settings.Database.ConnectionString))
            throw new InvalidSettingException("Database:ConnectionString", "is required with Postgres, e.g. Host=db;Database=policytracker;Username=tracker;Password=...");
        if (settings.Live.Redis is { } redis && string.IsNullOrWhiteSpace(redis))
            throw new InvalidSettingException("Live:Redis", "must be a Redis connection string such as 127.0.0.1:6379, or be left out.");
        return settings;
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
