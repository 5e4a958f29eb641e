using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Claims;
using PolicyTracker.Web.Annotations;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Entities;
using PolicyTracker.Web.Infrastructure;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Live;
using PolicyTracker.Web.Operations;
using PolicyTracker.Web.SavedSearches;
using PolicyTracker.Web.ScaleOut;
using PolicyTracker.Web.Search;
using PolicyTracker.Web.Stories;

// A verb (users, tokens, backup, ingest) runs once against the database; no verb serves the app.
var command = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(command is null ? args : []);

// Settings, checked when first resolved; the data folder follows from them.
builder.Services.AddSingleton(sp => SettingsCheck.Load(sp.GetRequiredService<IConfiguration>()));
builder.Services.AddSingleton(sp => new DataFolder(
    sp.GetRequiredService<TrackerSettings>().DataPath(sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath)));

// Features.
builder.Services.AddTrackerDatabase(builder.Configuration);
builder.Services.AddAccounts();
builder.Services.AddIngestion();
builder.Services.AddLive();
builder.Services.AddSearch();
builder.Services.AddClaims();
builder.Services.AddAnnotations();
builder.Services.AddStories();
builder.Services.AddEntities();
builder.Services.AddSavedSearches();
builder.Services.AddWebUi();
builder.Services.AddScaleOut(builder.Configuration);

var app = builder.Build();

// Stop with a message naming the key when a setting is wrong; then bring the database up to date.
try
{
    await DatabaseSetup.MigrateAsync(app.Services);
}
catch (InvalidSettingException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (command is not null)
    return await new CommandRunner(app.Services, Console.Out, Console.Error, Console.In).RunAsync(command);

await FirstRun.PrepareAsync(app);

// Pipeline and endpoints.
app.UseWebUi();
app.MapControllers();
app.MapOpenApi().RequireAuthorization();
app.MapLive();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
