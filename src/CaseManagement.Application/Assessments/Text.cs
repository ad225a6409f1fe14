namespace CaseManagement.Application.Assessments;

internal static class Text
{
    public const string TooLong = "must be 4000 characters or fewer.";
}
