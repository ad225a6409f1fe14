using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Meetings.Commands.RecordMeeting;

public sealed class RecordMeetingValidator : AbstractValidator<RecordMeeting>
{
    public RecordMeetingValidator()
    {
        RuleFor(r => r.HeldOn).NotNull().WithMessage("Enter the date of the meeting.");
        RuleFor(r => r.Kind).NotNull().WithMessage("Choose what kind of meeting it was.").IsInEnum().WithMessage("Choose what kind of meeting it was.");
        RuleFor(r => r.Attendees).NotNull().Must(a => a.Any(x => !x.SentApologies)).WithMessage("Name at least one person who came to the meeting.");
        RuleForEach(r => r.Attendees).ChildRules(a =>
        {
            a.RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the name of each person.")
                .MaximumLength(CasePlan.NameMaxLength).WithMessage("A name must be 200 characters or fewer.");
            a.RuleFor(x => x.Agency).NotEmpty().WithMessage("Enter the agency of each person.")
                .MaximumLength(CasePlan.NameMaxLength).WithMessage("An agency's name must be 200 characters or fewer.");
            a.RuleFor(x => x.Role).MaximumLength(CasePlan.NameMaxLength).WithMessage("A role must be 200 characters or fewer.");
        });
        RuleFor(r => r.ChildView).MaximumLength(MultiAgencyMeeting.ViewMaxLength).WithMessage("The child's view must be 4000 characters or fewer.");
        RuleFor(r => r.FamilyView).MaximumLength(MultiAgencyMeeting.ViewMaxLength).WithMessage("The family's view must be 4000 characters or fewer.");
        RuleFor(r => r.Decisions).NotNull();
        RuleForEach(r => r.Decisions).ChildRules(d =>
        {
            d.RuleFor(x => x.Text).NotEmpty().WithMessage("Say what was decided.")
                .MaximumLength(CasePlan.TextMaxLength).WithMessage("A decision must be 500 characters or fewer.");
            d.RuleFor(x => x.OwnerAgency).NotEmpty().WithMessage("Name the agency that owns each decision.")
                .MaximumLength(CasePlan.NameMaxLength).WithMessage("An agency's name must be 200 characters or fewer.");
            d.RuleFor(x => x.OwnerPerson).MaximumLength(CasePlan.NameMaxLength).WithMessage("A name must be 200 characters or fewer.");
            d.RuleFor(x => x.DueOn).NotNull().WithMessage("Enter the date each decision is due.");
        });
    }
}
