using System.Globalization;

namespace CaseManagement.Web.Pages.Partials;

/// <summary>What the pages of interventions and onward referrals share: a kind's name in the page's language, a wait in days.</summary>
public static class WorkText
{
    public static string KindName(string english, string welsh) =>
        Domain.Work.InterventionKind.NameIn(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, english, welsh);

    public static string? Date(DateOnly? date) => date is { } d ? Display.Date(d) : null;
}

/// <summary>GOV.UK checkboxes for a list (partial <c>Cases/Work/_Checkboxes</c>): the goals or needs an intervention answers.</summary>
public sealed record CheckboxesField(string Name, string Legend, IReadOnlyList<RadioOption> Options, IReadOnlyCollection<string> Chosen);
