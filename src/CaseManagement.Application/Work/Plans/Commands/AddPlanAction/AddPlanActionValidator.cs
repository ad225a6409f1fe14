namespace CaseManagement.Application.Work.Plans.Commands.AddPlanAction;

public sealed class AddPlanActionValidator : AbstractValidator<AddPlanAction>
{
    public AddPlanActionValidator() => Include(new PlanActionFieldsValidator());
}
