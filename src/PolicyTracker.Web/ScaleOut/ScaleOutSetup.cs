using StackExchange.Redis;

namespace PolicyTracker.Web.ScaleOut;

/// <summary>What lets several nodes share one database: leases for run-once work, and with <c>Live:Redis</c> the SignalR backplane and shared presence.</summary>
public static class ScaleOutSetup
{
    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<NodeIdentity>();
        services.AddSingleton<Leases>();

        var redis = configuration["Live:Redis"];
        if (string.IsNullOrWhiteSpace(redis)) return services;
        // Every node publishes hub messages through Redis, so a client on any node gets them.
        services.AddSignalR().AddStackExchangeRedis(redis, o =>
        {
            o.Configuration.ChannelPrefix = RedisChannel.Literal("policytracker");
            KeepTrying(o.Configuration);
        });
        services.AddSingleton(new Lazy<Task<IConnectionMultiplexer>>(async () =>
        {
            var options = ConfigurationOptions.Parse(redis);
            KeepTrying(options);
            return await ConnectionMultiplexer.ConnectAsync(options);
        }));
        services.AddSingleton<SharedPresence>();
        services.AddSingleton<RedisHealth>();
        services.AddHostedService<PresenceRenewal>();
        services.AddHostedService<EventSignalRelay>();
        return services;
    }

    // A node starts and serves while Redis is down (one node's clients still get their events) and
    // connects when Redis comes up, instead of failing at start or on every hub connection.
    static void KeepTrying(ConfigurationOptions options)
    {
        options.AbortOnConnectFail = false;
        // Commands wait this long for a connection before failing, rather than five seconds.
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        // Redis replies and hub messages continue on the .NET thread pool rather than on a pool of
        // dedicated threads beside it: on a node with few cores those extra threads' spinning and
        // hand-offs showed as a seventh of the writing node's CPU (dotnet-trace).
        options.SocketManager = SocketManager.ThreadPool;
    }
}
