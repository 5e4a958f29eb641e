using StackExchange.Redis;
using PolicyTracker.Web.Live;

namespace PolicyTracker.Web.ScaleOut;

/// <summary>
/// Carries "events committed" between nodes over Redis, so every node's followers (broadcaster,
/// indexer, saved-search matcher) wake at once instead of at their next poll. Only a wake-up
/// travels: the events themselves are always read from the database. It also connects this
/// node to Redis at start without waiting for it: a node whose Redis is down serves anyway,
/// says so in the log and in <c>/healthz</c>, and joins the others when Redis comes up.
/// </summary>
public sealed class EventSignalRelay(Lazy<Task<IConnectionMultiplexer>> redis, EventSignal signal, NodeIdentity node,
    Infrastructure.TrackerSettings settings, ILogger<EventSignalRelay> log) : BackgroundService
{
    static readonly RedisChannel Channel = RedisChannel.Literal("policytracker:events");
    ISubscriber? subscriber;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connection = await redis.Value;
        connection.ConnectionFailed += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription)
                log.LogWarning("Lost Redis at {Redis} ({Failure}); live updates between nodes wait until it is back", settings.Live.Redis, e.FailureType);
        };
        connection.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription) log.LogInformation("Connected to Redis at {Redis}", settings.Live.Redis);
        };
        if (!connection.IsConnected)
            log.LogWarning("Redis at {Redis} is not reachable; serving anyway and retrying. Until it is, other nodes' changes arrive at the next poll, and live updates and presence across nodes wait", settings.Live.Redis);

        // Subscriptions made while Redis is down are renewed by the multiplexer once it connects;
        // the loop covers a subscribe that fails outright.
        var handler = (Action<RedisChannel, RedisValue>)((_, from) =>
        {
            if (from != node.Id) signal.Wake();
        });
        subscriber = connection.GetSubscriber();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await subscriber.SubscribeAsync(Channel, handler);
                break;
            }
            catch (RedisException)
            {
                await subscriber.UnsubscribeAsync(Channel, handler, CommandFlags.FireAndForget);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        signal.Notified += Publish;
    }

    void Publish() => subscriber?.Publish(Channel, node.Id, CommandFlags.FireAndForget);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        signal.Notified -= Publish;
        await base.StopAsync(cancellationToken);
        if (subscriber is not null && subscriber.Multiplexer.IsConnected) await subscriber.UnsubscribeAsync(Channel);
    }
}
