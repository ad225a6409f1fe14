using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Assessments.Commands.SaveAnalysis;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SaveAnalysis(Guid AssessmentId, string? Analysis, string? Recommendations) : ICommand<Unit>;

public sealed class SaveAnalysisValidator : AbstractValidator<SaveAnalysis>
{
    public SaveAnalysisValidator()
    {
        RuleFor(s => s.Analysis).MaximumLength(Assessment.TextMaxLength).WithMessage($"The analysis {Text.TooLong}");
        RuleFor(s => s.Recommendations).MaximumLength(Assessment.TextMaxLength).WithMessage($"The recommendations {Text.TooLong}");
    }
}

public sealed class SaveAnalysisHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SaveAnalysis, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Unit> Handle(SaveAnalysis r, CancellationToken cancellationToken) =>
        db.ChangeAssessmentAsync(user, r.AssessmentId, a => a.SetAnalysis(r.Analysis, r.Recommendations, Now), cancellationToken);
}
