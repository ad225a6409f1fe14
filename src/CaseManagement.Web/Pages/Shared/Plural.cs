using System.Globalization;

namespace CaseManagement.Web.Pages.Partials;

/// <summary>
/// A count with its noun in agreement: "1 referral", "2 referrals". Each such string has two keys, <c>Key.One</c> and
/// <c>Key.Other</c>. Welsh puts the singular noun after any numeral ("2 atgyfeiriad"), so its two forms are usually
/// the same; English needs both.
/// </summary>
public static class Plural
{
    public static string Of(IStringLocalizer text, string key, int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Format(CultureInfo.CurrentCulture, text[count == 1 ? $"{key}.One" : $"{key}.Other"].Value, count);
    }

    /// <summary>The words that follow the number, when the number is shown apart (a figure's big number).</summary>
    public static string Label(IStringLocalizer text, string key, int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[count == 1 ? $"{key}.One" : $"{key}.Other"].Value;
    }
}
