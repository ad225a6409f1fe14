using System.Globalization;
using Microsoft.Extensions.Localization;
using AppRoles = CaseManagement.Application.Common.Security.Roles;

namespace CaseManagement.Web.Pages.Referrals.Submit;

/// <summary>What the staff referral form's pages share: who may use them, and the choices they offer.</summary>
public static class ReferralForm
{
    /// <summary>Those who may refer through the pages (partner systems use the API).</summary>
    public const string Roles = AppRoles.CaseManager + "," + AppRoles.TeamManager + "," + AppRoles.SecondedPractitioner + "," + AppRoles.Referrer;

    public static IReadOnlyList<Partials.RadioOption> Options<TEnum>(IStringLocalizer text, params TEnum[] values)
        where TEnum : struct, Enum =>
        (values.Length == 0 ? Enum.GetValues<TEnum>() : values)
            .Select(v => new Partials.RadioOption(v.ToString(), text[$"{typeof(TEnum).Name}.{v}"]))
            .ToList();

    public static string? Text(DateOnly date) => date == default ? null : date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>Reads a GOV.UK date input; null with a message when the parts do not make a real date.</summary>
    public static (DateOnly? Date, string? Error) ParseDate(string? day, string? month, string? year, string error = "Date of birth must be a real date, like 27 3 2012.")
    {
        if (string.IsNullOrWhiteSpace(day) && string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year))
        {
            return (default(DateOnly), null);
        }

        if (int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && y is >= 1900 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return (new DateOnly(y, m, d), null);
        }

        return (null, error);
    }

    /// <summary>
    /// Reads a radio's (or an address's) value as its enum; null when nothing was chosen or the value is not the name
    /// of one of the choices (a number is not a name). Addresses people type or share read any case of letters.
    /// </summary>
    public static TEnum? Choice<TEnum>(string? value, bool ignoreCase = false)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, ignoreCase, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;
}
