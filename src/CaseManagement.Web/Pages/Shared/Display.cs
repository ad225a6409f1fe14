using System.Globalization;

namespace CaseManagement.Web.Pages.Partials;

/// <summary>
/// How dates and probabilities read on the pages: UK local time, in the language of the page, GOV.UK style ("22 November
/// 2026"); a probability as a percentage.
/// </summary>
public static class Display
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static string Date(System.DateTime utc) =>
        UkLocal(utc).ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string DateTime(System.DateTime utc) =>
        UkLocal(utc).ToString("d MMM yyyy HH:mm:ss", CultureInfo.CurrentCulture);

    /// <summary>A moment as UK local time (for the pages and the CSV files alike).</summary>
    public static System.DateTime UkLocal(System.DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A probability as a percentage with the digits that tell thresholds apart: 99.63%, 0.39%, 87.5%.</summary>
    public static string Percent(double probability) =>
        (probability * 100).ToString(probability is > 0.99 or < 0.01 ? "0.###" : "0.#", CultureInfo.CurrentCulture) + "%";

    public static int Age(DateOnly dateOfBirth, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Domain.Children.PersonDetails.AgeOn(dateOfBirth, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}
