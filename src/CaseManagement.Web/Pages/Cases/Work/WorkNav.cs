namespace CaseManagement.Web.Pages.Partials;

/// <summary>
/// The case's own navigation (partial <c>Cases/Work/_WorkNav</c>): which case, its child (the timeline is the child's)
/// and which part of the case the page shows, so that part is marked as the current page.
/// </summary>
public sealed record WorkNav(Guid CaseId, Guid ChildId, string Current);
