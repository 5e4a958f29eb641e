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
        services.AddSignalR().AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal("policytracker"));
        services.AddSingleton(new Lazy<Task<IConnectionMultiplexer>>(async () => await ConnectionMultiplexer.ConnectAsync(redis)));
        services.AddSingleton<SharedPresence>();
        services.AddHostedService<PresenceRenewal>();
        services.AddHostedService<EventSignalRelay>();
        return services;
    }
}
