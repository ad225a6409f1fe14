using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Interfaces;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Timeline;

/// <summary>
/// The event's date against today and the child's birth, checked with the other rules (not by the entry and the
/// handler after them), so a person sees every message at once and beside the date.
/// </summary>
public sealed class AddTimelineEntryDatesValidator : AbstractValidator<AddTimelineEntry>
{
    public AddTimelineEntryDatesValidator(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    {
        RuleFor(e => e.OccurredOn).LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .When(e => e.OccurredOn != default)
            .WithMessage("The date of the event must be today or in the past.");

        // A child the user may not see has no date of birth here: the handler answers "not found" for it.
        RuleFor(e => e.OccurredOn).MustAsync(async (entry, occurredOn, cancellationToken) =>
                await db.ChildrenVisibleTo(user).Where(c => c.Id == entry.ChildId).Select(c => (DateOnly?)c.DateOfBirth).SingleOrDefaultAsync(cancellationToken) is not { } born
                || occurredOn >= born)
            .When(e => e.OccurredOn != default)
            .WithMessage("The date of the event cannot be before the child was born.");
    }
}
