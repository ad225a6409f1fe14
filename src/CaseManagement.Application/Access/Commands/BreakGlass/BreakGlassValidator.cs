using CaseManagement.Domain.Access;

namespace CaseManagement.Application.Access.Commands.BreakGlass;

public sealed class BreakGlassValidator : AbstractValidator<BreakGlass>
{
    public BreakGlassValidator()
    {
        RuleFor(b => b.Reason)
            .Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length >= BreakGlassAccess.MinimumReasonLength)
            .WithMessage($"Give the reason you need this record, in at least {BreakGlassAccess.MinimumReasonLength} characters.")
            .MaximumLength(1000).WithMessage("The reason must be 1000 characters or fewer.");
    }
}
