using CaseManagement.Application.Cases;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Timeline;

namespace CaseManagement.Application.Timeline.Commands.AddTimelineEntry;

public sealed class AddTimelineEntryValidator : AbstractValidator<AddTimelineEntry>
{
    public AddTimelineEntryValidator(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    {
        RuleFor(e => e.Category).NotNull().WithMessage("Choose what kind of event this was.")
            .Must(c => TimelineEntry.PractitionerCategories.Contains(c!.Value)).WithMessage("Choose what kind of event this was.");
        RuleFor(e => e.OccurredOn).NotEmpty().WithMessage("Enter the date of the event.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The date of the event must be today or in the past.")

            // A child the user may not see has no date of birth here: the handler answers "not found" for it.
            .MustAsync(async (entry, occurredOn, cancellationToken) =>
                await db.ChildrenVisibleTo(user).Where(c => c.Id == entry.ChildId).Select(c => (DateOnly?)c.DateOfBirth).SingleOrDefaultAsync(cancellationToken) is not { } born
                || occurredOn >= born)
            .WithMessage("The date of the event cannot be before the child was born.");
        RuleFor(e => e.Title).NotEmpty().WithMessage("Say what happened, in a few words.")
            .MaximumLength(TimelineEntry.TitleMaxLength).WithMessage("What happened must be 200 characters or fewer.");
        RuleFor(e => e.Notes).MaximumLength(TimelineEntry.NotesMaxLength).WithMessage("The notes must be 4000 characters or fewer.");
        RuleFor(e => e.Visibility).NotNull().WithMessage("Choose who may see this entry.").IsInEnum().WithMessage("Choose who may see this entry.");
    }
}
