using System.Globalization;
using CaseManagement.Web.Pages.Partials;

namespace CaseManagement.Web.Forms;

/// <summary>What every form shares: an enum's choices as radios, a choice read back, a date shown in words.</summary>
public static class FormChoices
{
    public static IReadOnlyList<RadioOption> Options<TEnum>(IStringLocalizer text, params TEnum[] values)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        return (values is null || values.Length == 0 ? Enum.GetValues<TEnum>() : values)
            .Select(v => new RadioOption(v.ToString(), text[$"{typeof(TEnum).Name}.{v}"]))
            .ToList();
    }

    public static string? Text(DateOnly date) => date == default ? null : date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>
    /// Reads a radio's (or an address's) value as its enum; null when nothing was chosen or the value is not the name
    /// of one of the choices (a number is not a name). Addresses people type or share read any case of letters.
    /// </summary>
    public static TEnum? Choice<TEnum>(string? value, bool ignoreCase = false)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, ignoreCase, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;
}
