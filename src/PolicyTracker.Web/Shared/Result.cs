namespace PolicyTracker.Web.Shared;

/// <summary>An outcome with a value, or a message a person can read.</summary>
public readonly record struct Result<T>(T? Value, string? Error)
{
    public bool Succeeded => Error is null;
    public static Result<T> Ok(T value) => new(value, null);
    public static Result<T> Fail(string error) => new(default, error);
}
