using System.Globalization;
using StackExchange.Redis;

namespace PolicyTracker.Web.ScaleOut;

/// <summary>
/// Presence kept in Redis so every node sees every viewer: one hash per article, a field per
/// connection holding the viewer's name and when the entry lapses. Each node renews its own
/// entries (<see cref="PresenceRenewal"/>), so a node that dies drops out of presence by itself.
/// </summary>
public sealed class SharedPresence(Lazy<Task<IConnectionMultiplexer>> redis)
{
    /// <summary>How long an entry lives without renewal: a dead node's viewers drop out within this time.</summary>
    public static readonly TimeSpan EntryLife = TimeSpan.FromSeconds(30);

    static RedisKey Key(int articleId) => $"policytracker:presence:{articleId}";

    async Task<IDatabase> Db() => (await redis.Value).GetDatabase();

    /// <summary>Records (or renews) a connection viewing an article.</summary>
    public async Task PutAsync(int articleId, string connectionId, string name)
    {
        var db = await Db();
        var until = DateTimeOffset.UtcNow.Add(EntryLife).ToUnixTimeMilliseconds();
        await db.HashSetAsync(Key(articleId), connectionId, $"{until.ToString(CultureInfo.InvariantCulture)}\n{name}");
        await db.KeyExpireAsync(Key(articleId), EntryLife);
    }

    /// <summary>Forgets a connection on an article.</summary>
    public async Task RemoveAsync(int articleId, string connectionId) =>
        await (await Db()).HashDeleteAsync(Key(articleId), connectionId);

    /// <summary>Names of the live entries on an article; lapsed ones are removed on the way.</summary>
    public async Task<List<string>> NamesAsync(int articleId)
    {
        var db = await Db();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var names = new List<string>();
        foreach (var entry in await db.HashGetAllAsync(Key(articleId)))
        {
            var text = entry.Value.ToString();
            var split = text.IndexOf('\n', StringComparison.Ordinal);
            if (split > 0 && long.TryParse(text.AsSpan(0, split), CultureInfo.InvariantCulture, out var until) && until > now)
                names.Add(text[(split + 1)..]);
            else
                await db.HashDeleteAsync(Key(articleId), entry.Name);
        }
        return names;
    }
}

/// <summary>Renews this node's presence entries well before they lapse.</summary>
public sealed class PresenceRenewal(Live.Presence presence, SharedPresence shared, ILogger<PresenceRenewal> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(SharedPresence.EntryLife / 3, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                // All at once (the multiplexer pipelines them): a node with many viewers renews in one round trip's time.
                await Task.WhenAll(presence.Local.ToList().Select(v => shared.PutAsync(v.ArticleId, v.ConnectionId, v.Name)));
            }
            catch (RedisException e)
            {
                log.LogWarning(e, "Renewing presence in Redis failed; retrying at the next tick");
            }
        }
    }
}
