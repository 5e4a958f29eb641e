using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PolicyTracker.Web.Data;

/// <summary>Stores times as UTC and marks them UTC when read, so JSON carries the "Z".</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
