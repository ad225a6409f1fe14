using CaseManagement.Application.Work;
using CaseManagement.Domain.Outcomes;

namespace CaseManagement.Application.Outcomes.Commands.RecordKpis;

/// <summary>
/// Records the child's key performance indicators at the start, at a review (only when they changed) or at the end of
/// the team's work. Learning needs, mental health and substance use may be left out when the record already answers
/// them (<see cref="KnownIndicators"/>). Answers the record's id.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record RecordKpis(
    Guid CaseId,
    KpiStage? Stage,
    DateOnly? RecordedOn,
    bool? AccommodationSuitable,
    int? EducationHoursOffered,
    int? EducationHoursAttended,
    LearningNeedsStatus? LearningNeeds,
    SupportNeedStatus? MentalHealth,
    SupportNeedStatus? SubstanceUse,
    ChildrensServicesStatus? ChildrensServices,
    bool? SeriousViolence,
    VictimStatus? Victims) : ICommand<Guid>;

public sealed class RecordKpisHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RecordKpis, Guid>
{
    public async Task<Guid> Handle(RecordKpis request, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForWorkAsync(user, request.CaseId, cancellationToken);
        var known = await KnownIndicators.ReadAsync(db, @case.Id, cancellationToken);
        var answers = new KpiAnswers(
            request.AccommodationSuitable!.Value,
            request.EducationHoursOffered!.Value,
            request.EducationHoursAttended!.Value,
            request.LearningNeeds ?? known.LearningNeeds ?? throw new DomainRuleException("Choose the child's learning needs.", nameof(request.LearningNeeds)),
            request.MentalHealth ?? known.MentalHealth ?? throw new DomainRuleException("Choose the child's mental health need.", nameof(request.MentalHealth)),
            request.SubstanceUse ?? known.SubstanceUse ?? throw new DomainRuleException("Choose the child's substance use need.", nameof(request.SubstanceUse)),
            request.ChildrensServices!.Value,
            request.SeriousViolence!.Value,
            request.Victims!.Value);
        var existing = await db.KpiRecords.Where(r => r.CaseId == @case.Id).ToListAsync(cancellationToken);
        var record = KpiRecord.Record(@case, existing, request.Stage!.Value, request.RecordedOn!.Value, answers, clock.GetUtcNow().UtcDateTime, user.UserId);
        if (!existing.Contains(record))
        {
            db.KpiRecords.Add(record);
        }

        await db.SaveChangesAsync(cancellationToken);
        return record.Id;
    }
}
