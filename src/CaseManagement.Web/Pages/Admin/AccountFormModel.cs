using CaseManagement.Application.Organisation;
using CaseManagement.Application.Organisation.Queries.ListAgencies;
using CaseManagement.Application.Organisation.Queries.ListTeams;

namespace CaseManagement.Web.Pages.Admin;

/// <summary>What the shared account fields partial shows: the values, the choices, and the page's errors.</summary>
public sealed record AccountFormModel(
    AppPageModel Page,
    string? DisplayName,
    Guid? AgencyId,
    IReadOnlyCollection<string> Roles,
    IReadOnlyCollection<Guid> TeamIds,
    IReadOnlyList<AgencyDto> Agencies,
    IReadOnlyList<TeamDto> Teams);
