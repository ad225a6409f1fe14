using CaseManagement.Domain.Assessments;

namespace CaseManagement.Application.Assessments.Commands.SaveAreas;

public sealed class SaveAreasValidator : AbstractValidator<SaveAreas>
{
    public SaveAreasValidator()
    {
        RuleFor(a => a.Domain).IsInEnum().WithMessage("Choose the part of the assessment.");
        RuleFor(a => a.Areas).NotNull();
        RuleForEach(a => a.Areas).ChildRules(area =>
        {
            area.RuleFor(x => x.Area).IsInEnum().WithMessage("An area answered is not in this part of the assessment.");
            area.RuleFor(x => x.Marker).IsInEnum().WithMessage("Choose no concern, some concern or significant concern.");
            area.RuleFor(x => x.Strengths).MaximumLength(Assessment.TextMaxLength).WithMessage($"The strengths {Text.TooLong}");
            area.RuleFor(x => x.Needs).MaximumLength(Assessment.TextMaxLength).WithMessage($"The needs {Text.TooLong}");
        });
        RuleFor(a => a.Areas).Must((command, areas) => areas is null || areas.All(x => !Enum.IsDefined(x.Area) || CafAreas.DomainOf(x.Area) == command.Domain))
            .WithMessage("An area answered is not in this part of the assessment.");
    }
}
