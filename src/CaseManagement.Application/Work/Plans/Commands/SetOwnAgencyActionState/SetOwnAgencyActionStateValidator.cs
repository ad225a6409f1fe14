using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Plans.Commands.SetOwnAgencyActionState;

public sealed class SetOwnAgencyActionStateValidator : AbstractValidator<SetOwnAgencyActionState>
{
    public SetOwnAgencyActionStateValidator()
    {
        RuleFor(a => a.ActionId).NotNull().WithMessage("Choose the action.");
        RuleFor(a => a.State).NotNull().WithMessage("Say whether the action has started, is done or is not possible.")
            .IsInEnum().WithMessage("Say whether the action has started, is done or is not possible.");
        RuleFor(a => a.Reason).NotEmpty().When(a => a.State == PlanActionState.Dropped).WithMessage("Say why the action is not possible.")
            .MaximumLength(CasePlan.TextMaxLength).WithMessage("The reason must be 500 characters or fewer.");
    }
}
