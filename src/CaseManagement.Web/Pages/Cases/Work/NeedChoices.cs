using CaseManagement.Application.Work.Needs;

namespace CaseManagement.Web.Pages.Partials;

/// <summary>The assessed needs to tick, each with its label and whether it is significant (partial <c>Cases/Work/_NeedChoices</c>).</summary>
public sealed record NeedChoices(string Name, string Legend, string? Hint, IReadOnlyList<AssessedNeedDto> Options, IReadOnlyCollection<string> Chosen);
