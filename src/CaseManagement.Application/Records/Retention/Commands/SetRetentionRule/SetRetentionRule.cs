using CaseManagement.Domain.Records;

namespace CaseManagement.Application.Records.Retention.Commands.SetRetentionRule;

/// <summary>Sets how long one kind of record is kept: years after it ended, or until the child's given birthday, whichever is later.</summary>
[Authorize(Roles.Administrator)]
public sealed record SetRetentionRule(RetentionKind? Kind, int? YearsAfter, int? UntilAge) : ICommand<Unit>;

public sealed class SetRetentionRuleHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SetRetentionRule, Unit>
{
    public async Task<Unit> Handle(SetRetentionRule request, CancellationToken cancellationToken)
    {
        var kind = request.Kind!.Value;
        var rule = await db.RetentionRules.SingleOrDefaultAsync(r => r.Kind == kind, cancellationToken);
        if (rule is null)
        {
            rule = RetentionRule.DefaultFor(kind);
            db.RetentionRules.Add(rule);
        }

        rule.Change(request.YearsAfter!.Value, request.UntilAge, clock.GetUtcNow().UtcDateTime, user.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
