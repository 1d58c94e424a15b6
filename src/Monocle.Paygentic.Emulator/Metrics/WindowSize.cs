namespace Monocle.Paygentic.Emulator.Metrics;

/// <summary>Meter-query time buckets (<c>windowSize</c>), aligned to UTC boundaries.</summary>
internal enum WindowSize
{
    Minute,
    Hour,
    Day,
    Month,
}

/// <summary>Bucket arithmetic for <see cref="WindowSize"/>.</summary>
internal static class WindowSizes
{
    public static bool TryParse(string? text, out WindowSize size) =>
        Enum.TryParse(text, ignoreCase: true, out size) && Enum.IsDefined(size) && !int.TryParse(text, out _);

    public static DateTimeOffset Start(WindowSize size, DateTimeOffset instant)
    {
        var t = instant.UtcDateTime;
        return size switch
        {
            WindowSize.Minute => new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero),
            WindowSize.Hour => new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero),
            WindowSize.Day => new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero),
            _ => new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero),
        };
    }

    public static DateTimeOffset End(WindowSize size, DateTimeOffset start) => size switch
    {
        WindowSize.Minute => start.AddMinutes(1),
        WindowSize.Hour => start.AddHours(1),
        WindowSize.Day => start.AddDays(1),
        _ => start.AddMonths(1),
    };
}
