using CaseManagement.Domain.Children;
using CaseManagement.Domain.Organisation;
using CaseManagement.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CaseManagement.Application.Common.Interfaces;

/// <summary>The narrow view of the database that handlers use; no repository layer sits over EF Core.</summary>
public interface IApplicationDbContext
{
    DbSet<Agency> Agencies { get; }

    DbSet<Team> Teams { get; }

    DbSet<Child> Children { get; }

    DbSet<Referral> Referrals { get; }

    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
