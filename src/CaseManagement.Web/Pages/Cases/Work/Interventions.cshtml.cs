using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Work.Interventions.Commands.RecordIntervention;
using CaseManagement.Application.Work.Interventions.Queries.ListInterventions;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>The interventions of a case: what was offered and delivered, by whom, and the sessions attended.</summary>
public sealed class InterventionsModel(IMediator mediator, ICurrentUser user) : CaseWorkListPage<CaseInterventionsDto>(mediator)
{
    public bool MayRecord { get; private set; }

    protected override IRequest<CaseInterventionsDto?> ListRequest(Guid caseId) => new ListInterventions(caseId);

    protected override void Shown() => MayRecord = List.Case.CaseOpen && user.MaySend<RecordIntervention>();
}
