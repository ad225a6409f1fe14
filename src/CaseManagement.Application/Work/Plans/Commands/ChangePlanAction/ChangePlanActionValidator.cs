using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Plans.Commands.ChangePlanAction;

public sealed class ChangePlanActionValidator : AbstractValidator<ChangePlanAction>
{
    public ChangePlanActionValidator()
    {
        Include(new PlanActionFieldsValidator());
        RuleFor(a => a.State).NotNull().WithMessage("Choose how far the action has got.").IsInEnum().WithMessage("Choose how far the action has got.");
        RuleFor(a => a.DroppedReason).NotEmpty().When(a => a.State == PlanActionState.Dropped).WithMessage("Say why the action was dropped.")
            .MaximumLength(CasePlan.TextMaxLength).WithMessage("The reason must be 500 characters or fewer.");
    }
}
