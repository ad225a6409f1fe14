namespace CaseManagement.Application.Work.Meetings.Commands.ActOnDecision;

public sealed class ActOnDecisionValidator : AbstractValidator<ActOnDecision>
{
    public ActOnDecisionValidator()
    {
        RuleFor(r => r.MeetingId).NotEmpty().WithMessage("Choose the decision to make an action.");
        RuleFor(r => r.DecisionId).NotEmpty().WithMessage("Choose the decision to make an action.");
    }
}
