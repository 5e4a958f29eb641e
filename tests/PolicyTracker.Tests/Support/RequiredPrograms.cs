namespace PolicyTracker.Tests.Support;

/// <summary>
/// Tests that need a program the machine may lack skip with a reason saying how to install
/// it, except when POLICYTRACKER_REQUIRE_ALL_TESTS=1 (CI), where a missing program fails.
/// </summary>
public static class RequiredPrograms
{
    public const string ChromiumPath = "/usr/bin/chromium";

    static bool RequireAll => Environment.GetEnvironmentVariable("POLICYTRACKER_REQUIRE_ALL_TESTS") == "1";

    /// <summary>Skips (or fails under CI) when Chromium is not installed.</summary>
    public static void RequireChromium() =>
        Require(File.Exists(ChromiumPath), "Chromium is not installed at /usr/bin/chromium (install it with: apt-get install chromium).");

    /// <summary>Skips (or fails under CI) with <paramref name="reason"/> unless <paramref name="present"/>.</summary>
    public static void Require(bool present, string reason)
    {
        if (present) return;
        if (RequireAll) Assert.Fail($"{reason} POLICYTRACKER_REQUIRE_ALL_TESTS=1 requires every test to run.");
        Assert.Skip(reason);
    }
}
