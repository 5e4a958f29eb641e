namespace PolicyTracker.Web.Accounts;

/// <summary>
/// A counter bumped whenever a member's access changes (token revoked, member disabled or
/// re-roled), so cached sign-ins made before the change are not trusted after it.
/// </summary>
public sealed class AccountChanges
{
    long generation;

    public long Generation => Interlocked.Read(ref generation);

    public void Bump() => Interlocked.Increment(ref generation);
}
