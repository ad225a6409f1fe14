namespace CaseManagement.Application.Outcomes.Commands.RecordBoardMeeting;

public sealed class RecordBoardMeetingValidator : AbstractValidator<RecordBoardMeeting>
{
    public RecordBoardMeetingValidator(TimeProvider clock)
    {
        RuleFor(r => r.TeamId).NotEmpty().WithMessage("Choose the team.");
        RuleFor(r => r.HeldOn).NotNull().WithMessage("Enter the date of the meeting.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The date must be today or in the past.");
        RuleForEach(r => r.Attended).IsInEnum().WithMessage("Choose the partners who attended from the list.");
    }
}
