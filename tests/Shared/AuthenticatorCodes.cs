namespace CaseManagement.Testing;

/// <summary>
/// The codes of each account's authenticator app, for a test that signs in as a person would. The app accepts each
/// code once (a later step's code, never the same or an earlier one), so a test that signs one account in again
/// within 30 seconds is given the next step's code, as a phone whose clock runs a little fast would show; the app
/// accepts codes up to two steps ahead. Only when those are used up too does it wait for the clock.
/// </summary>
public sealed class AuthenticatorCodes
{
    private const int StepsAhead = 2;

    private readonly Dictionary<string, long> _lastStep = new(StringComparer.OrdinalIgnoreCase);

    public async Task<string> NextAsync(string account, string base32Key)
    {
        long step;
        lock (_lastStep)
        {
            var now = Totp.Step(DateTimeOffset.UtcNow);
            step = _lastStep.TryGetValue(account, out var last) ? Math.Max(now, last + 1) : now;
            _lastStep[account] = step;
        }

        var wait = Totp.StartOf(step - StepsAhead) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        return Totp.Code(base32Key, Totp.StartOf(step));
    }
}
