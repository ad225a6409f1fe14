using CaseManagement.Domain.Records;

namespace CaseManagement.Application.Records.Retention.Queries.GetRetentionRules;

/// <summary>The retention schedule in force, one rule per kind of record.</summary>
[Authorize(Roles.Administrator)]
public sealed record GetRetentionRules : IRequest<IReadOnlyList<RetentionRuleDto>>;

/// <summary>How long one kind of record is kept.</summary>
/// <param name="Kind">The kind of record.</param>
/// <param name="YearsAfter">Years kept after the record ended (the case closed, the referral was decided).</param>
/// <param name="UntilAge">Kept at least until the child's birthday of this age; null for no such floor.</param>
/// <param name="IsDefault">True while no administrator has set the rule.</param>
public sealed record RetentionRuleDto(RetentionKind Kind, int YearsAfter, int? UntilAge, bool IsDefault);

public sealed class GetRetentionRulesHandler(IApplicationDbContext db) : IRequestHandler<GetRetentionRules, IReadOnlyList<RetentionRuleDto>>
{
    public async Task<IReadOnlyList<RetentionRuleDto>> Handle(GetRetentionRules request, CancellationToken cancellationToken) =>
        (await db.RulesAsync(cancellationToken)).Values.Select(r => new RetentionRuleDto(r.Kind, r.YearsAfter, r.UntilAge, r.ChangedAtUtc is null)).ToList();
}
