using CaseManagement.Application.Partners.Queries.ListReferralChanges;

namespace CaseManagement.Web.Api;

/// <summary>What a partner system learns back about the referrals it sent.</summary>
[Route("api/v1/partner")]
public sealed class PartnerFeedController(IMediator mediator) : MediatorController(mediator)
{
    /// <summary>
    /// The referrals this partner sent that the team has decided since the cursor: accepted, signposted or declined,
    /// oldest first. Poll it, sending the answer's <c>next</c> as <c>after</c> each time; nothing is missed or repeated.
    /// </summary>
    [HttpGet("referral-changes")]
    public Task<ReferralChangesDto> Changes([FromQuery] string? after = null, [FromQuery] int limit = 50, CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListReferralChanges(after, limit), cancellationToken);
}
