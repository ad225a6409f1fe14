namespace CaseManagement.Web.Pages.Partials;

/// <summary>One link of the service navigation.</summary>
public sealed record NavItem(string Href, string Text, bool IsCurrent);
