namespace CaseManagement.IntegrationTests.Outcomes;

/// <summary>How a client reads a report's counts: "shown" or nothing, never a hidden count's true value (decision 0069).</summary>
internal static class ShownCounts
{
    /// <summary>The published count, or null when it is suppressed; fails if the true value of any count was sent.</summary>
    public static int? Shown(JsonElement cell) => cell.TryGetProperty("value", out _)
        ? throw new Xunit.Sdk.XunitException($"A count's true value was sent: {cell}")
        : cell.GetProperty("suppressed").GetBoolean() ? null : cell.GetProperty("shown").GetInt32();
}
