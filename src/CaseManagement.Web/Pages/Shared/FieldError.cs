namespace CaseManagement.Web.Pages.Partials;

/// <summary>
/// The messages to show under one field, as the GOV.UK error message component; <see cref="Id"/> is the field's input
/// when it is not the id its name gives (a field repeated per row).
/// </summary>
public sealed record FieldError(string Field, IEnumerable<string> Messages, string? Id = null);
