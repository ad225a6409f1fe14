namespace CaseManagement.Application.Tests;

/// <summary>A clock stopped at one moment, so that age rules can be tested on a known day.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
