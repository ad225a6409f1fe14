using CaseManagement.Domain.Assessments;

namespace CaseManagement.Web.Pages.Reports;

/// <summary>The name of a distance-travelled measure: a CAF area's own name, or a judgement's.</summary>
public static class DistanceName
{
    public static string Of(IStringLocalizer text, string measure)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Enum.TryParse<CafArea>(measure, out _) ? text[$"CafArea.{measure}"].Value : text[$"Distance.{measure}"].Value;
    }
}
