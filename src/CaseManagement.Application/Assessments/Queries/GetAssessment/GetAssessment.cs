using CaseManagement.Application.Cases;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Audit;

namespace CaseManagement.Application.Assessments.Queries.GetAssessment;

/// <summary>One assessment, section by section, with the state of each; null when the user may not see it. The view is audited.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record GetAssessment(Guid Id) : IRequest<AssessmentDto?>;

/// <summary>
/// An assessment as its reader may see it. <see cref="AceCount"/> and <see cref="FourOrMoreAces"/> are null for a
/// reader outside the team, with the sensitive answers they count.
/// </summary>
public sealed record AssessmentDto(
    Guid Id,
    Guid CaseId,
    Guid ChildId,
    string ChildName,
    DateOnly ChildDateOfBirth,
    int Number,
    AssessmentStatus Status,
    bool SeesWholeRecord,
    bool CanEdit,
    bool CanCountersign,
    DateTime CreatedAtUtc,
    string? CreatedBy,
    DateTime? SubmittedAtUtc,
    string? SubmittedBy,
    string? ReturnComments,
    DateTime? CountersignedAtUtc,
    string? CountersignedBy,
    bool HoldsThePlan,
    int? AceCount,
    bool? FourOrMoreAces,
    IReadOnlyList<SectionDto> Sections,
    Judgements Judgements,
    IReadOnlyList<AreaDto> Areas,
    IReadOnlyList<AdversityDto> Adversities,
    LearningNeeds LearningNeeds,
    StrengthsAndViews StrengthsAndViews,
    string? Analysis,
    string? Recommendations);

public sealed record AreaDto(CafArea Area, CafDomain Domain, string? Strengths, string? Needs, ConcernMarker? Marker);

/// <summary>An adversity answer. <see cref="Withheld"/> is true where the answer is in a sensitive category the reader may not see.</summary>
public sealed record AdversityDto(Adversity Adversity, bool IsAce, bool Sensitive, bool Withheld, AdversityAnswer? Answer, string? NotAskedReason, string? Source, DateOnly? RecordedOn, string? Notes);

public sealed record SectionDto(AssessmentSection Section, SectionState State);

public sealed class GetAssessmentHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, IAuditTrail audit) : IRequestHandler<GetAssessment, AssessmentDto?>
{
    public async Task<AssessmentDto?> Handle(GetAssessment request, CancellationToken cancellationToken)
    {
        var cases = db.Cases.VisibleTo(user, db.CaseMembers);
        var a = await db.Assessments.AsNoTracking().Include(x => x.Areas).Include(x => x.Adversities)
            .Where(x => x.Id == request.Id && cases.Any(c => c.Id == x.CaseId)).SingleOrDefaultAsync(cancellationToken);
        if (a is null)
        {
            return null;
        }

        var child = await db.Children.AsNoTracking().Where(c => c.Id == a.ChildId).Select(c => new { c.GivenName, c.FamilyName, c.DateOfBirth }).SingleAsync(cancellationToken);
        var names = await users.DisplayNamesAsync(cancellationToken);
        string? NameOf(Guid? id) => id is { } known && names.TryGetValue(known, out var name) ? name : null;
        var team = user.SeesTeamOnlyEntries(a.TeamId);
        var manager = team && user.IsInRole(Roles.TeamManager);

        audit.Record(new AuditRecord(AuditAction.View, "Assessment", a.Id.ToString(), a.ChildId));
        await db.SaveChangesAsync(cancellationToken);

        return new AssessmentDto(
            a.Id, a.CaseId, a.ChildId, $"{child.GivenName} {child.FamilyName}", child.DateOfBirth, a.Number, a.Status,
            SeesWholeRecord: team,
            CanEdit: team && a.IsEditable,
            CanCountersign: manager && a.Status == AssessmentStatus.Submitted && a.SubmittedByUserId != user.UserId,
            a.CreatedAtUtc, NameOf(a.CreatedByUserId), a.SubmittedAtUtc, NameOf(a.SubmittedByUserId), a.ReturnComments, a.CountersignedAtUtc, NameOf(a.CountersignedByUserId),
            a.HoldsThePlan, team ? a.AceCount : null, team ? a.FourOrMoreAces : null,
            Enum.GetValues<AssessmentSection>().Select(s => new SectionDto(s, a.StateOf(s))).ToList(),
            new Judgements(a.Reoffending, a.ReoffendingRationale, a.ReoffendingEvidence, a.SeriousHarm, a.SeriousHarmRationale, a.SeriousHarmEvidence, a.Wellbeing, a.WellbeingRationale, a.WellbeingEvidence),
            a.Areas.OrderBy(x => x.Area).Select(x => new AreaDto(x.Area, CafAreas.DomainOf(x.Area), x.Strengths, x.Needs, x.Marker)).ToList(),
            a.Adversities.OrderBy(x => x.Adversity).Select(x =>
            {
                var sensitive = Adversities.IsSensitive(x.Adversity);
                var withheld = sensitive && !team;
                return withheld
                    ? new AdversityDto(x.Adversity, Adversities.IsAce(x.Adversity), true, true, null, null, null, null, null)
                    : new AdversityDto(x.Adversity, Adversities.IsAce(x.Adversity), sensitive, false, x.Answer, x.NotAskedReason, x.Source, x.RecordedOn, x.Notes);
            }).ToList(),
            new LearningNeeds(a.Aln, a.HasIndividualDevelopmentPlan, a.SpeechLanguage, a.Neurodiversity, a.NeurodiversityNotes, a.SchoolAttachment, a.AttendancePercent, a.FixedTermExclusions, a.PermanentlyExcluded, a.EducationalPsychologistInvolved, a.LearningNotes),
            new StrengthsAndViews(a.Relationships, a.Interests, a.Aspirations, a.ChildView, a.ParentView),
            a.Analysis, a.Recommendations);
    }
}
