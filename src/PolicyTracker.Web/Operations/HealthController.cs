using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Search;

namespace PolicyTracker.Web.Operations;

/// <summary>
/// <c>GET /healthz</c>: whether the database answers, how far the index has caught up, and with
/// several nodes whether Redis is reachable. Only a database that does not answer makes it 503:
/// a node without Redis still serves its pages (it reports itself degraded).
/// </summary>
[ApiController]
[AllowAnonymous]
public sealed class HealthController(TrackerDb db, SearchIndex index, IndexFollower follower, ScaleOut.RedisHealth? redis = null) : ControllerBase
{
    [HttpGet("/healthz")]
    [ProducesResponseType<HealthReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<HealthReport>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> Get(CancellationToken ct)
    {
        ComponentHealth database;
        long lastEvent = 0;
        try
        {
            lastEvent = await db.Events.MaxAsync(e => (long?)e.Id, ct) ?? 0;
            database = new ComponentHealth("ok", null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            database = new ComponentHealth("unavailable", e.Message);
        }

        var behind = Math.Max(0, lastEvent - index.LastEvent);
        var indexHealth = new IndexHealth(follower.CatchingUp && behind > 0 ? "catching-up" : "ok", index.Count, index.LastEvent, behind);
        var redisHealth = redis is null ? null
            : redis.Connected ? new ComponentHealth("ok", null) : new ComponentHealth("unavailable", "not connected to Redis; retrying");
        var healthy = database.Status == "ok" && redisHealth is not { Status: not "ok" };
        var report = new HealthReport(healthy ? "ok" : "degraded", database, indexHealth, redisHealth);
        return StatusCode(database.Status == "ok" ? 200 : 503, report);
    }
}

public sealed record ComponentHealth(string Status, string? Error);

public sealed record IndexHealth(string Status, int Documents, long LastEvent, long EventsBehind);

/// <summary>What <c>/healthz</c> answers; <see cref="Redis"/> is null on a node without <c>Live:Redis</c>.</summary>
public sealed record HealthReport(string Status, ComponentHealth Database, IndexHealth Index, ComponentHealth? Redis);
