using System.Text.Json;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Referrals.Commands.SubmitReferral;
using CaseManagement.Application.Referrals.Matching;
using CaseManagement.Application.Referrals.Queries;
using CaseManagement.Domain.Referrals;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals.Commands.Drafts;

/// <summary>The question pages of the staff referral form, in order, and the answers each one asks for.</summary>
public static class ReferralSteps
{
    public const string Child = "child";
    public const string Details = "details";
    public const string Referrer = "referrer";
    public const string Concerns = "concerns";
    public const string Consent = "consent";

    public static IReadOnlyList<string> Order { get; } = [Child, Details, Referrer, Concerns, Consent];

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Fields { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [Child] = [nameof(SubmitReferral.SubmitReferral.ChildGivenName), nameof(SubmitReferral.SubmitReferral.ChildFamilyName), nameof(SubmitReferral.SubmitReferral.ChildPreferredName), nameof(SubmitReferral.SubmitReferral.ChildDateOfBirth), nameof(SubmitReferral.SubmitReferral.ChildSex), nameof(SubmitReferral.SubmitReferral.ChildPreferredLanguage)],
        [Details] = [nameof(SubmitReferral.SubmitReferral.ChildAddress), nameof(SubmitReferral.SubmitReferral.ChildPostcode), nameof(SubmitReferral.SubmitReferral.ChildSchool), nameof(SubmitReferral.SubmitReferral.ChildNhsNumber), nameof(SubmitReferral.SubmitReferral.ChildUniquePupilNumber), nameof(SubmitReferral.SubmitReferral.ChildPncId), nameof(SubmitReferral.SubmitReferral.ParentsOrCarers)],
        [Referrer] = [nameof(SubmitReferral.SubmitReferral.TeamId), nameof(SubmitReferral.SubmitReferral.Source), nameof(SubmitReferral.SubmitReferral.ReferrerName), nameof(SubmitReferral.SubmitReferral.ReferrerPhone), nameof(SubmitReferral.SubmitReferral.ReferrerEmail), nameof(SubmitReferral.SubmitReferral.PoliceOccurrenceReference), nameof(SubmitReferral.SubmitReferral.Urgency)],
        [Concerns] = [nameof(SubmitReferral.SubmitReferral.Concerns), nameof(SubmitReferral.SubmitReferral.Reason), nameof(SubmitReferral.SubmitReferral.SensitiveNotes)],
        [Consent] = [nameof(SubmitReferral.SubmitReferral.Consent), nameof(SubmitReferral.SubmitReferral.LawfulBasis)],
    };

    /// <summary>The page that asks for a field, for the check-your-answers page's error links.</summary>
    public static string StepOf(string field) =>
        Fields.FirstOrDefault(f => f.Value.Contains(field, StringComparer.Ordinal)).Key ?? Child;
}

/// <summary>Starts a referral on the question pages.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner, Roles.Referrer)]
public sealed record StartReferralDraft : ICommand<Guid>;

/// <summary>
/// Saves the answers after one question page; only that page's answers are checked. With <paramref name="CheckOnly"/>
/// the answers are checked and nothing is saved (the page found a problem of its own and shows every message at once).
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner, Roles.Referrer)]
public sealed record SaveReferralDraft(Guid DraftId, string Step, SubmitReferral.SubmitReferral Answers, bool CheckOnly = false) : ICommand<Unit>;

/// <summary>The answers so far.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner, Roles.Referrer)]
public sealed record GetReferralDraft(Guid DraftId) : IRequest<ReferralDraftDto>;

/// <summary>Sends the referral. Sending the same draft again answers with the referral it created.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner, Roles.Referrer)]
public sealed record SubmitReferralDraft(Guid DraftId) : ICommand<ReferralDto>;

public sealed record ReferralDraftDto(Guid Id, SubmitReferral.SubmitReferral Answers, Guid? SubmittedReferralId, IReadOnlyList<string> CompletedSteps);

public sealed class ReferralDraftHandlers(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, IValidator<SubmitReferral.SubmitReferral> validator, IMediator mediator)
    : IRequestHandler<StartReferralDraft, Guid>, IRequestHandler<SaveReferralDraft, Unit>, IRequestHandler<GetReferralDraft, ReferralDraftDto>, IRequestHandler<SubmitReferralDraft, ReferralDto>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Guid> Handle(StartReferralDraft request, CancellationToken cancellationToken)
    {
        var draft = new ReferralDraft(user.UserId!.Value, clock.GetUtcNow().UtcDateTime);
        db.ReferralDrafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return draft.Id;
    }

    public async Task<Unit> Handle(SaveReferralDraft request, CancellationToken cancellationToken)
    {
        var draft = await OwnAsync(request.DraftId, cancellationToken);
        if (!ReferralSteps.Fields.TryGetValue(request.Step, out var fields))
        {
            throw NotFoundException.For("Question page", request.Step);
        }

        var result = await validator.ValidateAsync(request.Answers, cancellationToken);
        var errors = result.Errors.Where(e => fields.Contains(e.PropertyName, StringComparer.Ordinal)).ToList();
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        if (request.CheckOnly)
        {
            return Unit.Value;
        }

        draft.Save(request.Step, JsonSerializer.Serialize(request.Answers with { SubmissionKey = null, ChildPostcode = ReferralIntake.NormalisePostcode(request.Answers.ChildPostcode) }, Json), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async Task<ReferralDraftDto> Handle(GetReferralDraft request, CancellationToken cancellationToken)
    {
        var draft = await OwnAsync(request.DraftId, cancellationToken);
        return new ReferralDraftDto(draft.Id, Answers(draft), draft.SubmittedReferralId, draft.Completed);
    }

    public async Task<ReferralDto> Handle(SubmitReferralDraft request, CancellationToken cancellationToken)
    {
        var draft = await OwnAsync(request.DraftId, cancellationToken);

        // The draft's id is the submission key: a second press of the button, or a retry, finds the referral already made.
        var referral = await mediator.Send(Answers(draft) with { SubmissionKey = draft.Id.ToString("N") }, cancellationToken);
        draft.MarkSubmitted(referral.Id, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return referral;
    }

    private static SubmitReferral.SubmitReferral Answers(ReferralDraft draft) =>
        JsonSerializer.Deserialize<SubmitReferral.SubmitReferral>(draft.Answers, Json) ?? new SubmitReferral.SubmitReferral();

    private async Task<ReferralDraft> OwnAsync(Guid id, CancellationToken cancellationToken)
    {
        var owner = user.UserId;
        return await db.ReferralDrafts.SingleOrDefaultAsync(d => d.Id == id && d.OwnerUserId == owner, cancellationToken)
            ?? throw NotFoundException.For("Referral draft", id);
    }
}
