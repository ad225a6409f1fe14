using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Timeline;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Timeline.Commands.AddTimelineEntry;

public sealed class AddTimelineEntryValidator : AbstractValidator<AddTimelineEntry>
{
    public AddTimelineEntryValidator()
    {
        RuleFor(e => e.Category).Must(c => TimelineEntry.PractitionerCategories.Contains(c)).WithMessage("Choose what kind of event this was.");
        RuleFor(e => e.OccurredOn).NotEmpty().WithMessage("Enter the date of the event.");
        RuleFor(e => e.Title).NotEmpty().WithMessage("Say what happened, in a few words.")
            .MaximumLength(TimelineEntry.TitleMaxLength).WithMessage("What happened must be 200 characters or fewer.");
        RuleFor(e => e.Notes).MaximumLength(TimelineEntry.NotesMaxLength).WithMessage("The notes must be 4000 characters or fewer.");
        RuleFor(e => e.Visibility).IsInEnum().WithMessage("Choose who may see this entry.");
    }
}
