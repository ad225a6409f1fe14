namespace CaseManagement.Web.Pages.Partials;

/// <summary>The messages to show under one field, as the GOV.UK error message component.</summary>
public sealed record FieldError(string Field, IEnumerable<string> Messages);
