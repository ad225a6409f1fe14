using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Work.OnwardReferrals.Commands.MakeOnwardReferral;
using CaseManagement.Application.Work.OnwardReferrals.Queries.ListOnwardReferrals;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>The onward referrals of a case, outstanding ones first, with how long the child has waited.</summary>
public sealed class OnwardReferralsModel(IMediator mediator, ICurrentUser user) : CaseWorkListPage<CaseOnwardReferralsDto>(mediator)
{
    public bool MayRefer { get; private set; }

    protected override IRequest<CaseOnwardReferralsDto?> ListRequest(Guid caseId) => new ListOnwardReferrals(caseId);

    protected override void Shown() => MayRefer = List.Case.CaseOpen && user.MaySend<MakeOnwardReferral>();
}
