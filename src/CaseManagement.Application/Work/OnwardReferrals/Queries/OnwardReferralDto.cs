using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.OnwardReferrals.Queries;

/// <summary>An onward referral with where it is and how long the child has waited (decision 0037).</summary>
public sealed record OnwardReferralDto(
    Guid Id,
    Guid CaseId,
    OnwardService Service,
    string? ServiceName,
    DateOnly ReferredOn,
    string? Reason,
    OnwardReferralStatus Status,
    DateOnly? DecidedOn,
    string? DeclineReason,
    DateOnly? FirstAppointmentOn,
    DateOnly? ClosedOn,
    string? CloseReason,
    bool Outstanding,
    int? DaysWaited,
    DateTime CreatedAtUtc)
{
    public static OnwardReferralDto From(OnwardReferral r, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new OnwardReferralDto(
            r.Id, r.CaseId, r.Service, r.ServiceName, r.ReferredOn, r.Reason, r.Status, r.DecidedOn, r.DeclineReason, r.FirstAppointmentOn,
            r.ClosedOn, r.CloseReason, r.IsOutstanding, r.DaysWaited(today), r.CreatedAtUtc);
    }
}
