using StackExchange.Redis;

namespace PolicyTracker.Web.ScaleOut;

/// <summary>Whether this node reaches Redis now (for <c>/healthz</c>); null status when Redis is not configured.</summary>
public sealed class RedisHealth(Lazy<Task<IConnectionMultiplexer>> redis)
{
    /// <summary>True once connected and while the connection holds (the multiplexer reconnects by itself).</summary>
    public bool Connected => redis.IsValueCreated && redis.Value.IsCompletedSuccessfully && redis.Value.Result.IsConnected;
}
