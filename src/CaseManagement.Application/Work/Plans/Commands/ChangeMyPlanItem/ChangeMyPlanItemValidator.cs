namespace CaseManagement.Application.Work.Plans.Commands.ChangeMyPlanItem;

public sealed class ChangeMyPlanItemValidator : AbstractValidator<ChangeMyPlanItem>
{
    public ChangeMyPlanItemValidator() => Include(new MyPlanTextValidator());
}
