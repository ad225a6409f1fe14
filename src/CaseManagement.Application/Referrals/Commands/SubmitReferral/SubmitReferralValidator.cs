using System.Text.RegularExpressions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Children;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals.Commands.SubmitReferral;

public sealed partial class SubmitReferralValidator : AbstractValidator<SubmitReferral>
{
    public SubmitReferralValidator(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    {
        RuleFor(r => r.Source).IsInEnum().WithMessage("Select where the referral comes from.");
        RuleFor(r => r.Urgency).IsInEnum().WithMessage("Select how urgent the referral is.");
        RuleFor(r => r.ReferrerName).NotEmpty().WithMessage("Enter the referrer's name.").MaximumLength(200).WithMessage("The referrer's name must be 200 characters or fewer.");
        RuleFor(r => r.Concerns).NotEmpty().WithMessage("Enter the concerns and the reason for the referral.").MaximumLength(8000).WithMessage("The concerns must be 8000 characters or fewer.");
        RuleFor(r => r.PoliceOccurrenceReference).MaximumLength(50).WithMessage("The police occurrence reference must be 50 characters or fewer.");
        RuleFor(r => r.ChildGivenName).NotEmpty().WithMessage("Enter the child's first name.").MaximumLength(100).WithMessage("The child's first name must be 100 characters or fewer.");
        RuleFor(r => r.ChildFamilyName).NotEmpty().WithMessage("Enter the child's last name.").MaximumLength(100).WithMessage("The child's last name must be 100 characters or fewer.");
        RuleFor(r => r.ChildPreferredName).MaximumLength(100).WithMessage("The name the child prefers must be 100 characters or fewer.");
        RuleFor(r => r.ChildSex).IsInEnum().WithMessage("Select the child's sex.");
        RuleFor(r => r.ChildPreferredLanguage).IsInEnum().WithMessage("Select the child's preferred language.");
        RuleFor(r => r.ChildDateOfBirth)
            .Must(dob => dob != default).WithMessage("Enter the child's date of birth.");
        RuleFor(r => r.ChildDateOfBirth)
            .Must(dob => IsWithinServiceAge(dob, clock))
            .When(r => r.ChildDateOfBirth != default)
            .WithMessage($"The child must be aged between {PersonDetails.YoungestAge} and {PersonDetails.OldestAge}.");
        RuleFor(r => r.ChildPostcode)
            .Must(p => p is null || PostcodePattern().IsMatch(p.Trim()))
            .WithMessage("Enter a real postcode, like CF37 1DL.");
        RuleFor(r => r.TeamId)
            .MustAsync(async (id, ct) => await db.Teams.AnyAsync(t => t.Id == id, ct))
            .When(r => r.TeamId is not null)
            .WithMessage("The team does not exist.");
        RuleFor(r => r.TeamId)
            .MustAsync(async (_, ct) => currentUser.TeamIds.Count == 1 || await db.Teams.CountAsync(ct) == 1)
            .When(r => r.TeamId is null)
            .WithMessage("Select the team to refer to.");
        RuleFor(r => r.SensitiveNotes).MaximumLength(8000).WithMessage("The confidential information must be 8000 characters or fewer.");
    }

    private static bool IsWithinServiceAge(DateOnly dateOfBirth, TimeProvider clock)
    {
        var age = PersonDetails.AgeOn(dateOfBirth, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return age is >= PersonDetails.YoungestAge and <= PersonDetails.OldestAge;
    }

    [GeneratedRegex(@"^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s*[0-9][A-Za-z]{2}$")]
    private static partial Regex PostcodePattern();
}
