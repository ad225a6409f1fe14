using CaseManagement.Domain.Audit;

namespace CaseManagement.Application.Common.Interfaces;

/// <summary>
/// Records a view (or an export) of a child's record. Changes to records are recorded by the database context itself
/// when they are saved, so a handler cannot forget them; views must be recorded here, because reading changes nothing.
/// The entry is written with the next save, in the same transaction.
/// </summary>
public interface IAuditTrail
{
    void Record(AuditRecord record);
}
