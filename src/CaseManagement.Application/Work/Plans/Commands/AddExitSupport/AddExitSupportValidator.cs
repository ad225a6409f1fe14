using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Plans.Commands.AddExitSupport;

public sealed class AddExitSupportValidator : AbstractValidator<AddExitSupport>
{
    public AddExitSupportValidator()
    {
        RuleFor(r => r.Kind).NotNull().WithMessage("Choose a service or a person.").IsInEnum().WithMessage("Choose a service or a person.");
        RuleFor(r => r.Service).NotNull().NotEqual(UniversalService.None).When(r => r.Kind == ExitSupportKind.UniversalService).WithMessage("Choose the service that stays with the child.");
        RuleFor(r => r.Service).IsInEnum().WithMessage("Choose the service that stays with the child.");
        RuleFor(r => r.Name).NotEmpty().When(r => r.Kind == ExitSupportKind.Person).WithMessage("Name the person who stays with the child.");
        RuleFor(r => r.Name).MaximumLength(CasePlan.NameMaxLength).WithMessage("The name must be 200 characters or fewer.");
        RuleFor(r => r.WhatTheyDo).NotEmpty().WithMessage("Say what they will do with the child.")
            .MaximumLength(CasePlan.TextMaxLength).WithMessage("What they do must be 500 characters or fewer.");
    }
}
