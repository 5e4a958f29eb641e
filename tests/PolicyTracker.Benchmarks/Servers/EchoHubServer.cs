using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PolicyTracker.Benchmarks.Servers;

/// <summary>
/// The live scenario's baseline: a bare SignalR hub that joins groups and echoes each message to
/// a group, nothing else (no auth, no storage), run as its own process like the app.
/// </summary>
public static class EchoHubServer
{
    public const string Verb = "echo-hub";

    /// <summary>Serves the echo hub at /hubs/echo until killed.</summary>
    public static async Task<int> RunAsync(int port)
    {
        var app = ChildServer.CreateApp(port, services => services.AddSignalR());
        app.MapHub<EchoHub>("/hubs/echo");
        app.MapGet("/", () => "echo");
        await app.RunAsync();
        return 0;
    }

    /// <summary>Starts the echo hub process; answers it and the hub's address.</summary>
    public static async Task<(Process Process, Uri Hub)> StartAsync()
    {
        var (process, address) = await ChildServer.StartAsync(Verb, []);
        return (process, new Uri(address, "hubs/echo"));
    }
}

/// <summary>Joins a group; echoes a message to everyone in a group.</summary>
public sealed class EchoHub : Hub
{
    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

    public Task Echo(string group, JsonElement message) => Clients.Group(group).SendAsync("echo", message);
}
