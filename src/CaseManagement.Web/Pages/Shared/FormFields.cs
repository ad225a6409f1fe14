namespace CaseManagement.Web.Pages.Partials;

/// <summary>A GOV.UK text input with its label, hint and error message (partial <c>_Input</c>).</summary>
public sealed record InputField(string Name, string Label, string? Value, string? Hint = null, string Type = "text", string Width = "govuk-!-width-two-thirds", string? Autocomplete = null, bool Spellcheck = true, string? InputMode = null);

/// <summary>
/// A GOV.UK textarea (partial <c>_Textarea</c>). A field drawn once per row under the same name (each row's own form)
/// gives each row its own <see cref="Id"/>, and <see cref="ShowsErrors"/> only on the row that was posted, so the
/// message and the summary's link lead to that row alone.
/// </summary>
public sealed record TextareaField(string Name, string Label, string? Value, string? Hint = null, int Rows = 5, string? Id = null, bool ShowsErrors = true);

/// <summary>One choice of a radios field.</summary>
public sealed record RadioOption(string Value, string Label, string? Hint = null);

/// <summary>
/// GOV.UK radios in a fieldset (partial <c>_Radios</c>), whose choices may reveal more (never inline, as GOV.UK asks):
/// <see cref="Conditional"/> for one choice, <see cref="Conditionals"/> for several.
/// </summary>
public sealed record RadiosField(string Name, string Legend, string? Value, IReadOnlyList<RadioOption> Options, string? Hint = null, bool Inline = false, RadioConditional? Conditional = null, IReadOnlyList<RadioConditional>? Conditionals = null);

/// <summary>What a choice reveals when it is chosen (a GOV.UK conditional reveal); shown too while it holds an error.</summary>
public sealed record RadioConditional(string Value, Microsoft.AspNetCore.Html.IHtmlContent Content, bool HasError);

/// <summary>A GOV.UK date input: day, month and year as typed (partial <c>_DateInput</c>).</summary>
public sealed record DateField(string Name, string Legend, Forms.DateInput Value, string? Hint = null);

/// <summary>A single GOV.UK checkbox that posts "true" when ticked (partial <c>_Checkbox</c>).</summary>
public sealed record CheckboxField(string Name, string Label, bool Checked);

/// <summary>One bar of a chart.</summary>
public sealed record Bar(string Label, int Value);

/// <summary>A horizontal bar chart drawn as SVG on the server, with its figures as a table for screen readers (partial <c>_BarChart</c>).</summary>
public sealed record BarChart(string Id, string Title, string LabelHeader, string ValueHeader, IReadOnlyList<Bar> Bars);
