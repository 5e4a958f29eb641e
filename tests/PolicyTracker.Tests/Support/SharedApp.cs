namespace PolicyTracker.Tests.Support;

/// <summary>
/// One app shared by the tests of a class: tests there create their own members and articles.
/// Its sign-in rate limit is raised because every test signs in from the same address.
/// </summary>
public sealed class SharedApp() : TrackerApp(new() { ["Security:SignInAttemptsPerMinute"] = "1000" });
