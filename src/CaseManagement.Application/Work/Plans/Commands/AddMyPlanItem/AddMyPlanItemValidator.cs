using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Plans.Commands.AddMyPlanItem;

public sealed class AddMyPlanItemValidator : AbstractValidator<AddMyPlanItem>
{
    public AddMyPlanItemValidator()
    {
        RuleFor(r => r.Section).NotNull().WithMessage("Choose which part of the child's plan this is.").IsInEnum().WithMessage("Choose which part of the child's plan this is.");
        Include(new MyPlanTextValidator());
    }
}
