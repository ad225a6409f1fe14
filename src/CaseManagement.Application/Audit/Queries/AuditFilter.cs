using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Audit;

namespace CaseManagement.Application.Audit.Queries;

/// <summary>The filters an auditor can set; every one is optional.</summary>
public sealed record AuditFilter(Guid? ChildId = null, Guid? UserId = null, DateOnly? From = null, DateOnly? To = null, AuditAction? Action = null)
{
    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (ChildId is { } child)
        {
            entries = entries.Where(e => e.ChildId == child);
        }

        if (UserId is { } user)
        {
            entries = entries.Where(e => e.UserId == user);
        }

        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.OccurredAtUtc >= start);
        }

        if (To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.OccurredAtUtc < end);
        }

        if (Action is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        return entries;
    }
}
