using System.Globalization;
using System.Security.Cryptography;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// Authenticator-app codes (TOTP, RFC 6238) checked as Identity's own provider checks them, but each accepted once
/// (RFC 6238 section 5.2): the account keeps the time step of the last code it accepted, and a code of that step or an
/// earlier one is refused. Identity's provider alone accepts one code as often as it is sent within its 90 seconds.
/// Every check of a code goes through here: the sign-in page's second step, the API's token and setting the app up.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(AppDbContext db, TimeProvider clock) : AuthenticatorTokenProvider<ApplicationUser>
{
    public const string LoginProvider = "[CaseManagement]";
    public const string LastStepName = "AuthenticatorLastStep";

    // As Identity's provider: codes of two steps either side of now, for phones whose clocks are a little out.
    private const int StepsEitherSide = 2;
    private const int StepSeconds = 30;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token is not { Length: 6 } || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        var keyBytes = Base32Decode(key);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        for (var step = now + StepsEitherSide; step >= now - StepsEitherSide; step--)
        {
            if (Code(keyBytes, step) == code)
            {
                return await ClaimStepAsync(user.Id, step);
            }
        }

        return false;
    }

    /// <summary>
    /// Records <paramref name="step"/> as the last one used, unless it (or a later one) already is: the update is a
    /// compare-and-set on the value read, so that of two requests sending one code at the same moment only one passes.
    /// </summary>
    private async Task<bool> ClaimStepAsync(Guid userId, long step)
    {
        var value = step.ToString(CultureInfo.InvariantCulture);
        var mine = db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == LoginProvider && t.Name == LastStepName);
        var last = await mine.Select(t => t.Value).SingleOrDefaultAsync();
        if (last is not null)
        {
            return long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var used) && used < step
                && await mine.Where(t => t.Value == last).ExecuteUpdateAsync(set => set.SetProperty(t => t.Value, value)) == 1;
        }

        // The account's first code: whichever of two simultaneous requests inserts the row first wins.
        var first = db.UserTokens.Add(new IdentityUserToken<Guid> { UserId = userId, LoginProvider = LoginProvider, Name = LastStepName, Value = value });
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            first.State = EntityState.Detached;
            return false;
        }
    }

    private static int Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; the server must compute what they compute.
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(key, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return binary % 1_000_000;
    }

    private static byte[] Base32Decode(string input)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(input.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in input.TrimEnd('=').ToUpperInvariant())
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                continue;
            }

            buffer = ((buffer << 5) | value) & 0xffff;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
