namespace PolicyTracker.Tests.Support;

/// <summary>Waits, with a generous timeout, for something that happens in the background.</summary>
public static class Eventually
{
    public static async Task<T> ResultAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) return value;
            await Task.Delay(50);
        }
    }
}
