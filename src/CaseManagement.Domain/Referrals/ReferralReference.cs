using System.Globalization;
using System.Security.Cryptography;

namespace CaseManagement.Domain.Referrals;

/// <summary>
/// The one generator of referral references, "R-" with the day it arrived (UTC, yyMMdd) and six random letters and
/// digits. It serves real referrals and the reference the self-referral form gives a script it has caught (decision
/// 0017), so that nobody can tell from a reference whether anything was kept.
/// </summary>
public static class ReferralReference
{
    /// <summary>Letters and digits that cannot be mistaken for one another when read out on the phone (no I, O, 0 or 1).</summary>
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New(DateTime nowUtc)
    {
        Span<char> suffix = stackalloc char[6];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return string.Create(CultureInfo.InvariantCulture, $"R-{nowUtc:yyMMdd}-{suffix}");
    }
}
