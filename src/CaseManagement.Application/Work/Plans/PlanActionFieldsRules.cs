using CaseManagement.Application.Work.Needs;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Plans;

/// <summary>The fields an action of the professionals' plan is added and changed with, checked by the same rules both ways.</summary>
public interface IPlanActionFields
{
    string What { get; }

    string OwnerAgency { get; }

    string? OwnerPerson { get; }

    DateOnly? DueOn { get; }

    /// <summary>The codes of the assessed needs the action answers (<c>Caf:Learning</c>, <c>Ace:DomesticAbuse</c>).</summary>
    IReadOnlyList<string>? Needs { get; }
}

public sealed class PlanActionFieldsValidator : AbstractValidator<IPlanActionFields>
{
    public PlanActionFieldsValidator()
    {
        RuleFor(a => a.What).NotEmpty().WithMessage("Say what will be done.")
            .MaximumLength(CasePlan.TextMaxLength).WithMessage("What will be done must be 500 characters or fewer.");
        RuleFor(a => a.OwnerAgency).NotEmpty().WithMessage("Name the agency that owns the action.")
            .MaximumLength(CasePlan.NameMaxLength).WithMessage("The agency's name must be 200 characters or fewer.");
        RuleFor(a => a.OwnerPerson).MaximumLength(CasePlan.NameMaxLength).WithMessage("The person's name must be 200 characters or fewer.");
        RuleFor(a => a.DueOn).NotNull().WithMessage("Enter the date the action is due.");
        RuleFor(a => a.Needs).Must(CaseNeeds.AreNeedCodes).WithMessage("Choose needs from the child's assessment.");
    }
}

internal static class PlanActionFieldsExtensions
{
    public static PlanActionFields Fields(this IPlanActionFields request) => new(request.What, request.OwnerAgency, request.OwnerPerson, request.DueOn!.Value);
}
