using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Assessments.Commands.SaveStrengthsAndViews;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SaveStrengthsAndViews(Guid AssessmentId, string? Relationships, string? Interests, string? Aspirations, string? ChildView, string? ParentView) : ICommand<Unit>;

public sealed class SaveStrengthsAndViewsValidator : AbstractValidator<SaveStrengthsAndViews>
{
    public SaveStrengthsAndViewsValidator()
    {
        RuleFor(s => s.Relationships).MaximumLength(Assessment.TextMaxLength).WithMessage($"Relationships {Text.TooLong}");
        RuleFor(s => s.Interests).MaximumLength(Assessment.TextMaxLength).WithMessage($"Interests {Text.TooLong}");
        RuleFor(s => s.Aspirations).MaximumLength(Assessment.TextMaxLength).WithMessage($"Aspirations {Text.TooLong}");
        RuleFor(s => s.ChildView).MaximumLength(Assessment.TextMaxLength).WithMessage($"The child's view {Text.TooLong}");
        RuleFor(s => s.ParentView).MaximumLength(Assessment.TextMaxLength).WithMessage($"The parent's or carer's view {Text.TooLong}");
    }
}

public sealed class SaveStrengthsAndViewsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SaveStrengthsAndViews, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Unit> Handle(SaveStrengthsAndViews r, CancellationToken cancellationToken) =>
        db.ChangeAssessmentAsync(user, r.AssessmentId, a => a.SetStrengthsAndViews(new StrengthsAndViews(r.Relationships, r.Interests, r.Aspirations, r.ChildView, r.ParentView), Now), cancellationToken);
}
