namespace CaseManagement.Web.Pages.Partials;

/// <summary>What the pagination partial needs: where the list lives (with any filter) and which page is shown.</summary>
public sealed record PageLinks(string Path, int Page, int TotalPages)
{
    public string Href(int page) => $"{Path}{(Path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}page={page}";
}
