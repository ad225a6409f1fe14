using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Contacts.Queries;

/// <summary>An intervention as the contact form offers it and a contact names it: its kind in both languages, its provider.</summary>
public sealed record ContactInterventionDto(Guid Id, string KindEnglish, string KindWelsh, string? Provider, InterventionStatus Status)
{
    /// <summary>Reads the given interventions (of one case), oldest first, with the names of their kinds and providers.</summary>
    public static async Task<IReadOnlyList<ContactInterventionDto>> ReadAsync(IApplicationDbContext db, IQueryable<Intervention> interventions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await interventions.AsNoTracking().OrderBy(i => i.CreatedAtUtc)
            .Select(i => new { i.Id, i.KindId, i.ProviderAgencyId, i.ProviderName, i.Status }).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var kindIds = rows.Select(r => r.KindId).Distinct().ToList();
        var kinds = await db.InterventionKinds.AsNoTracking().Where(k => kindIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, cancellationToken);
        var agencyIds = rows.Where(r => r.ProviderAgencyId is not null).Select(r => r.ProviderAgencyId!.Value).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        return rows.Select(r => new ContactInterventionDto(
            r.Id, kinds[r.KindId].NameEnglish, kinds[r.KindId].NameWelsh,
            r.ProviderAgencyId is { } agency ? agencies.GetValueOrDefault(agency) : r.ProviderName, r.Status)).ToList();
    }
}
