using CaseManagement.Application.Work;
using CaseManagement.Domain.Outcomes;

namespace CaseManagement.Application.Outcomes.Commands.RecordCharacteristics;

/// <summary>
/// Records the protected characteristics of a case's child (special-category data, decision 0049): only the team's case managers
/// and managers record and read them; "prefers not to say" is an answer to every question.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record RecordCharacteristics(
    Guid CaseId,
    Ethnicity? Ethnicity,
    CharacteristicAnswer? Disability,
    CharacteristicAnswer? GenderSameAsSex,
    CharacteristicAnswer? CareExperienced) : ICommand<Unit>;

public sealed class RecordCharacteristicsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RecordCharacteristics, Unit>
{
    public async Task<Unit> Handle(RecordCharacteristics request, CancellationToken cancellationToken)
    {
        var childId = (await db.CaseForWorkAsync(user, request.CaseId, cancellationToken)).ChildId;
        var characteristics = await db.ChildCharacteristics.SingleOrDefaultAsync(c => c.ChildId == childId, cancellationToken);
        if (characteristics is null)
        {
            characteristics = ChildCharacteristics.For(childId);
            db.ChildCharacteristics.Add(characteristics);
        }

        characteristics.Set(request.Ethnicity!.Value, request.Disability!.Value, request.GenderSameAsSex!.Value, request.CareExperienced!.Value, clock.GetUtcNow().UtcDateTime, user.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
