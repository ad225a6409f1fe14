using AutoMapper;
using AutoMapper.QueryableExtensions;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Audit;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Audit.Queries;

public sealed record AuditEntryDto
{
    public long Sequence { get; init; }

    public DateTime OccurredAtUtc { get; init; }

    public Guid? UserId { get; init; }

    public string UserName { get; init; } = string.Empty;

    public AuditAction Action { get; init; }

    public string EntityType { get; init; } = string.Empty;

    public string EntityId { get; init; } = string.Empty;

    public Guid? ChildId { get; init; }

    /// <summary>A JSON object of field → [before, after]; a value the reader may not see reads "(withheld)".</summary>
    public string? Changes { get; init; }

    /// <summary>The changed fields whose values are withheld from the reader: the values of a child's record.</summary>
    public IReadOnlyList<string> WithheldFields { get; init; } = [];

    public string? IpAddress { get; init; }

    public string? Reason { get; init; }

    /// <summary>The entry as an auditor reads it: which fields changed, without the values of a child's record.</summary>
    public AuditEntryDto ForAuditor()
    {
        var (changes, withheld) = AuditDisclosure.Apply(EntityType, Changes);
        return this with { Changes = changes, WithheldFields = withheld };
    }
}

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

/// <summary>The audit trail, newest first, for auditors.</summary>
[Authorize(Roles.Auditor)]
public sealed record SearchAudit(AuditFilter Filter, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<PagedList<AuditEntryDto>>;

public sealed class SearchAuditValidator : AbstractValidator<SearchAudit>
{
    public SearchAuditValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, Paging.MaxPage).WithMessage($"The page must be between 1 and {Paging.MaxPage}.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"The page size must be between 1 and {Paging.MaxPageSize}.");
        RuleFor(q => q.Filter.To).GreaterThanOrEqualTo(q => q.Filter.From).When(q => q.Filter.From is not null && q.Filter.To is not null)
            .WithMessage("The end date must be the same as or after the start date.").OverridePropertyName("To");
        RuleFor(q => q.Filter.Action).IsInEnum().OverridePropertyName("Action").WithMessage("Select an action from the list.");
    }
}

public sealed class SearchAuditHandler(IApplicationDbContext db, IMapper mapper) : IRequestHandler<SearchAudit, PagedList<AuditEntryDto>>
{
    public async Task<PagedList<AuditEntryDto>> Handle(SearchAudit request, CancellationToken cancellationToken)
    {
        var page = await request.Filter.Apply(db.AuditEntries)
            .OrderByDescending(e => e.Sequence)
            .ToPagedListAsync<AuditEntry, AuditEntryDto>(mapper.ConfigurationProvider, request.Page, request.PageSize, cancellationToken);
        return page with { Items = page.Items.Select(e => e.ForAuditor()).ToList() };
    }
}

/// <summary>Every entry that matches the filters, oldest first, for a CSV download; the export is itself audited.</summary>
[Authorize(Roles.Auditor)]
public sealed record ExportAudit(AuditFilter Filter) : IRequest<IReadOnlyList<AuditEntryDto>>;

public sealed class ExportAuditHandler(IApplicationDbContext db, IMapper mapper, IAuditTrail audit) : IRequestHandler<ExportAudit, IReadOnlyList<AuditEntryDto>>
{
    public const int MaxRows = 100_000;

    public async Task<IReadOnlyList<AuditEntryDto>> Handle(ExportAudit request, CancellationToken cancellationToken)
    {
        var rows = await request.Filter.Apply(db.AuditEntries)
            .OrderBy(e => e.Sequence)
            .Take(MaxRows)
            .ProjectTo<AuditEntryDto>(mapper.ConfigurationProvider)
            .ToListAsync(cancellationToken);
        audit.Record(new AuditRecord(AuditAction.Export, "AuditTrail", "csv", request.Filter.ChildId, Changes: null, Reason: $"{rows.Count} rows"));
        await db.SaveChangesAsync(cancellationToken);
        return rows.Select(e => e.ForAuditor()).ToList();
    }
}

/// <summary>
/// Checks the hash chain of the whole trail against the audit keys and the latest checkpoint, and, when it is intact,
/// records a signed checkpoint of its end (outside the database) for the next check to compare with.
/// </summary>
[Authorize(Roles.Auditor)]
public sealed record VerifyAudit : IRequest<AuditVerification>;

public sealed class VerifyAuditHandler(IApplicationDbContext db, AuditKeyring keyring, IAuditCheckpoints checkpoints, TimeProvider clock) : IRequestHandler<VerifyAudit, AuditVerification>
{
    public Task<AuditVerification> Handle(VerifyAudit request, CancellationToken cancellationToken)
    {
        var latest = checkpoints.Latest();
        var result = AuditChain.Verify(db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsEnumerable(), keyring, latest);
        if (!result.IsIntact || result.LastSequence is not { } last)
        {
            return Task.FromResult(result);
        }

        // Nothing was written since the latest checkpoint: it already names this end.
        if (latest is not null && latest.Sequence == last)
        {
            return Task.FromResult(result with { Checkpoint = latest.ToString() });
        }

        var checkpoint = AuditCheckpoint.Sign(keyring.Current, last, result.LastHash!, clock.GetUtcNow().UtcDateTime);
        checkpoints.Record(checkpoint);
        return Task.FromResult(result with { Checkpoint = checkpoint.ToString() });
    }
}

/// <summary>Who has looked at or changed a referral: for the manager of the team that owns it.</summary>
[Authorize(Roles.TeamManager)]
public sealed record ListRecordViewers(Guid ReferralId) : IRequest<IReadOnlyList<AuditEntryDto>>;

public sealed class ListRecordViewersHandler(IApplicationDbContext db, IMapper mapper, ICurrentUser user) : IRequestHandler<ListRecordViewers, IReadOnlyList<AuditEntryDto>>
{
    public async Task<IReadOnlyList<AuditEntryDto>> Handle(ListRecordViewers request, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        if (!await db.Referrals.AnyAsync(r => r.Id == request.ReferralId && teamIds.Contains(r.TeamId), cancellationToken))
        {
            throw NotFoundException.For("Referral", request.ReferralId);
        }

        var id = request.ReferralId.ToString();
        return await db.AuditEntries
            .Where(e => e.EntityType == "Referral" && e.EntityId == id)
            .OrderByDescending(e => e.Sequence)
            .Take(200)
            .ProjectTo<AuditEntryDto>(mapper.ConfigurationProvider)
            .ToListAsync(cancellationToken);
    }
}
