namespace PolicyTracker.Web.ScaleOut;

/// <summary>This process among the nodes: a name that is new on every start, so a restarted node never mistakes an old claim for its own.</summary>
public sealed class NodeIdentity
{
    /// <summary>Host name, process id and a random suffix.</summary>
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
