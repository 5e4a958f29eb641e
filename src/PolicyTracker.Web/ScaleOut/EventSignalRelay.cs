using StackExchange.Redis;
using PolicyTracker.Web.Live;

namespace PolicyTracker.Web.ScaleOut;

/// <summary>
/// Carries "events committed" between nodes over Redis, so every node's followers (broadcaster,
/// indexer, saved-search matcher) wake at once instead of at their next poll. Only a wake-up
/// travels: the events themselves are always read from the database.
/// </summary>
public sealed class EventSignalRelay(Lazy<Task<IConnectionMultiplexer>> redis, EventSignal signal, NodeIdentity node, ILogger<EventSignalRelay> log)
    : IHostedService
{
    static readonly RedisChannel Channel = RedisChannel.Literal("policytracker:events");
    ISubscriber? subscriber;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            subscriber = (await redis.Value).GetSubscriber();
            await subscriber.SubscribeAsync(Channel, (_, from) =>
            {
                if (from != node.Id) signal.Wake();
            });
            signal.Notified += Publish;
        }
        catch (RedisException e)
        {
            // Followers still poll every second; live delivery across nodes needs Redis anyway.
            log.LogError(e, "Cannot subscribe to Redis; other nodes' changes arrive at the next poll");
        }
    }

    void Publish() => subscriber?.Publish(Channel, node.Id, CommandFlags.FireAndForget);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        signal.Notified -= Publish;
        if (subscriber is not null) await subscriber.UnsubscribeAsync(Channel);
    }
}
