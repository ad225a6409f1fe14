using System.Text.RegularExpressions;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Domain.Tests;

public sealed class ReferralReferenceTests
{
    [Fact]
    public void New_ManyTimes_TheDayAndSixCharactersNoneOfThemIOZeroOrOne()
    {
        var day = new DateTime(2026, 12, 6, 23, 30, 0, DateTimeKind.Utc);

        var references = Enumerable.Range(0, 500).Select(_ => ReferralReference.New(day)).ToList();

        Assert.All(references, r => Assert.Matches("^R-261206-[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$", r));
        Assert.True(references.Distinct(StringComparer.Ordinal).Count() > 490);
        Assert.Contains(references, r => Regex.IsMatch(r[9..], "[G-Z]"));
    }
}
