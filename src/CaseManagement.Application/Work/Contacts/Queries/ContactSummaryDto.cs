using System.Linq.Expressions;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Contacts.Queries;

/// <summary>One contact as a list shows it: when, how, what became of it, its summary and who recorded it.</summary>
public sealed record ContactSummaryDto(
    Guid Id,
    DateTime StartsAtUtc,
    int LengthMinutes,
    ContactKind Kind,
    ContactOutcome Outcome,
    string? Summary,
    Guid RecordedByUserId,
    string? RecordedBy,
    int Revision)
{
    public static Expression<Func<Contact, ContactSummaryDto>> Projection { get; } =
        c => new ContactSummaryDto(c.Id, c.StartsAtUtc, c.LengthMinutes, c.Kind, c.Outcome, c.Summary, c.RecordedByUserId, null, c.Revision);
}
