using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Outcomes;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Outcomes;

/// <summary>
/// The indicators the record already answers, so the page does not ask them again (issue 19, point 1): learning needs
/// from the latest assessment that settled them, mental health and substance use from the onward referrals to those
/// services. Null where the record does not say.
/// </summary>
public sealed record KnownIndicators(LearningNeedsStatus? LearningNeeds, SupportNeedStatus? MentalHealth, SupportNeedStatus? SubstanceUse)
{
    public static async Task<KnownIndicators> ReadAsync(IApplicationDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var aln = await db.Assessments.AsNoTracking().Where(a => a.CaseId == caseId && a.Aln != null && a.Aln != AlnStatus.NeedsSuspected)
            .OrderByDescending(a => a.Number).Select(a => new { a.Aln, a.HasIndividualDevelopmentPlan }).FirstOrDefaultAsync(cancellationToken);
        var onward = await db.OnwardReferrals.AsNoTracking().Where(r => r.CaseId == caseId && (r.Service == OnwardService.EmotionalHealth || r.Service == OnwardService.SubstanceUse))
            .Select(r => new { r.Service, r.Accepted, r.FirstAppointmentOn, r.ClosedOn }).ToListAsync(cancellationToken);

        SupportNeedStatus? Support(OnwardService service)
        {
            var of = onward.Where(r => r.Service == service).ToList();
            return of.Any(r => r.FirstAppointmentOn is not null && r.ClosedOn is null) ? SupportNeedStatus.Attending
                : of.Any(r => r.Accepted != false && r.ClosedOn is null) ? SupportNeedStatus.Referred
                : null;
        }

        LearningNeedsStatus? learning = aln?.Aln switch
        {
            AlnStatus.NoAdditionalNeeds => LearningNeedsStatus.NoNeedsIdentified,
            AlnStatus.AdditionalLearningNeeds => aln.HasIndividualDevelopmentPlan ? LearningNeedsStatus.IdentifiedWithPlan : LearningNeedsStatus.IdentifiedWithoutPlan,
            _ => null,
        };
        return new KnownIndicators(learning, Support(OnwardService.EmotionalHealth), Support(OnwardService.SubstanceUse));
    }
}
