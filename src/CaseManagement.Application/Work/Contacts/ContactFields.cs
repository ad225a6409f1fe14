using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Contacts;

/// <summary>The fields a contact is recorded and corrected with, checked by the same rules both ways.</summary>
public interface IContactFields
{
    DateOnly? Day { get; }

    TimeOnly? Time { get; }

    int? LengthMinutes { get; }

    ContactKind? Kind { get; }

    string? Place { get; }

    bool ChildTookPart { get; }

    string? ParentsOrCarers { get; }

    IReadOnlyList<ContactProfessional>? Professionals { get; }

    IReadOnlyList<Guid>? WorkerIds { get; }

    IReadOnlyList<Guid>? GoalIds { get; }

    string? Summary { get; }

    string? SensitiveNotes { get; }
}

/// <summary>What became of a contact, as recorded with it or later.</summary>
public interface IOutcomeFields
{
    ContactOutcome? Outcome { get; }

    ContactCancelledBy? CancelledBy { get; }

    string? CancelReason { get; }

    DateOnly? NewDay { get; }

    TimeOnly? NewTime { get; }
}

public sealed class ContactFieldsValidator : AbstractValidator<IContactFields>
{
    public ContactFieldsValidator()
    {
        RuleFor(c => c.Day).NotNull().WithMessage("Enter the date of the contact.");
        RuleFor(c => c.Time).NotNull().WithMessage("Enter the time of the contact, like 14:30.");
        RuleFor(c => c.LengthMinutes).NotNull().WithMessage("Enter how long the contact lasted, in minutes.")
            .InclusiveBetween(1, Contact.MaxLengthMinutes).WithMessage("The length must be a whole number of minutes from 1 to 720.");
        RuleFor(c => c.Kind).NotNull().WithMessage("Choose what kind of contact it was.").IsInEnum().WithMessage("Choose what kind of contact it was.");
        RuleFor(c => c.Place).MaximumLength(Contact.PlaceMaxLength).WithMessage("Where it was must be 200 characters or fewer.");
        RuleFor(c => c.ParentsOrCarers).MaximumLength(Contact.ParentsOrCarersMaxLength).WithMessage("The parents or carers must be 200 characters or fewer.");
        RuleForEach(c => c.Professionals).ChildRules(p =>
        {
            p.RuleFor(x => x.Name).MaximumLength(Contact.ProfessionalMaxLength).WithMessage("A professional's name must be 200 characters or fewer.");
            p.RuleFor(x => x.Agency).NotEmpty().When(x => !string.IsNullOrWhiteSpace(x.Name)).WithMessage("Name the agency of each professional.")
                .MaximumLength(Contact.ProfessionalMaxLength).WithMessage("An agency's name must be 200 characters or fewer.");
        });
        RuleFor(c => c.Summary).MaximumLength(Contact.SummaryMaxLength).WithMessage("The summary must be 2000 characters or fewer.");
        RuleFor(c => c.SensitiveNotes).MaximumLength(Contact.SensitiveNotesMaxLength).WithMessage("The sensitive notes must be 4000 characters or fewer.");
    }
}

public sealed class OutcomeFieldsValidator : AbstractValidator<IOutcomeFields>
{
    public OutcomeFieldsValidator()
    {
        RuleFor(c => c.Outcome).NotNull().WithMessage("Choose what happened.").IsInEnum().WithMessage("Choose what happened.");
        RuleFor(c => c.CancelledBy).NotNull().When(c => c.Outcome == ContactOutcome.Cancelled).WithMessage("Say who cancelled the contact.")
            .IsInEnum().WithMessage("Say who cancelled the contact.");
        RuleFor(c => c.CancelReason).NotEmpty().When(c => c.Outcome == ContactOutcome.Cancelled).WithMessage("Say why the contact was cancelled.")
            .MaximumLength(Contact.CancelReasonMaxLength).WithMessage("The reason must be 500 characters or fewer.");
        RuleFor(c => c.NewDay).NotNull().When(c => c.Outcome == ContactOutcome.Rearranged).WithMessage("Enter the new date of the contact.");
        RuleFor(c => c.NewTime).NotNull().When(c => c.Outcome == ContactOutcome.Rearranged).WithMessage("Enter the new time of the contact, like 14:30.");
    }
}
