using CaseManagement.Application.Records.SubjectAccess.Queries.ListSubjectAccessRequests;

namespace CaseManagement.Web.Pages.Partials;

/// <summary>
/// Subject access requests with their deadlines (partial <c>_SubjectAccessTable</c>): the administrators' list, and
/// the team managers', whose rows lead to each request's steps (<see cref="Links"/>).
/// </summary>
public sealed record SubjectAccessTable(IReadOnlyList<SubjectAccessRequestDto> Requests, bool Links);
