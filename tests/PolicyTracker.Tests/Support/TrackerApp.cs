using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Support;

/// <summary>
/// The app on a real Kestrel loopback port with its own SQLite database and Lucene index in a
/// temporary folder, the repository root as content root (so it imports content/ on first run).
/// </summary>
public class TrackerApp : WebApplicationFactory<Program>
{
    readonly Dictionary<string, string?> settings;

    public TrackerApp() : this([]) { }

    public TrackerApp(Dictionary<string, string?> settings) : this(settings, null) { }

    /// <summary>An app over <paramref name="dataPath"/> (a new temporary folder when null), e.g. one restarted over its old data.</summary>
    public TrackerApp(Dictionary<string, string?> settings, string? dataPath)
    {
        this.settings = settings;
        DataPath = dataPath ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "policytracker-tests", Guid.NewGuid().ToString("N"));
        UseKestrel(0);
        StartServer();
    }

    /// <summary>The data folder of this instance (database and index).</summary>
    public string DataPath { get; }

    /// <summary>Leaves the data folder in place on dispose, for an app started again over it.</summary>
    public bool KeepData { get; init; }

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
        .Replace("[::]", "127.0.0.1").TrimEnd('/') + "/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepoRoot.Path);
        builder.UseEnvironment("Testing");
        builder.UseSetting("DataDirectory", DataPath);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    /// <summary>A new member with a fresh e-mail address and a known password.</summary>
    public async Task<Member> CreateMemberAsync(string role, string? name = null)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        const string password = "correct horse 42";
        await using var scope = Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountDirectory>().CreateUserAsync(email, role, password, name);
        Assert.True(created.Succeeded, created.Error);
        return new Member(created.Value!.Id, email, password, role);
    }

    /// <summary>A personal access token for the member.</summary>
    public async Task<string> CreateTokenAsync(Member member, bool readOnly = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<TrackerUser>>();
        var user = await users.FindByIdAsync(member.Id);
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<AccountDirectory>().CreateTokenAsync(user!, "test", readOnly);
        return secret;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see them.</summary>
    public BrowserLikeClient CreateBrowser() => new(Address);

    /// <summary>A client sending the member's token as a bearer header.</summary>
    public async Task<HttpClient> CreateApiClientAsync(Member member, bool readOnly = false)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await CreateTokenAsync(member, readOnly));
        return client;
    }

    /// <summary>A started hub connection over WebSockets, authenticated with the member's token.</summary>
    public async Task<HubConnection> ConnectHubAsync(Member member) => await ConnectHubAsync(Address, await CreateTokenAsync(member));

    /// <summary>A started hub connection over WebSockets to the app at <paramref name="address"/> (e.g. a node run as a process), with a token.</summary>
    public static async Task<HubConnection> ConnectHubAsync(Uri address, string token)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(address, "hubs/tracker"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        await hub.StartAsync();
        return hub;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!KeepData) try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        GC.SuppressFinalize(this);
    }
}

/// <summary>A member created for a test.</summary>
public sealed record Member(string Id, string Email, string Password, string Role);
