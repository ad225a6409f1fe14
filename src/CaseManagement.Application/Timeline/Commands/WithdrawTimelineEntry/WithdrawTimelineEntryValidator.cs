using CaseManagement.Application.Cases;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Timeline;

namespace CaseManagement.Application.Timeline.Commands.WithdrawTimelineEntry;

public sealed class WithdrawTimelineEntryValidator : AbstractValidator<WithdrawTimelineEntry>
{
    public WithdrawTimelineEntryValidator() =>
        RuleFor(e => e.Reason).NotEmpty().WithMessage("Give the reason the entry is withdrawn.")
            .MaximumLength(1000).WithMessage("The reason must be 1000 characters or fewer.");
}
