namespace CaseManagement.Application.Common.Interfaces;

/// <summary>
/// Marks a command whose handler reads first and then writes everything in one save, which is a transaction of its own.
/// The transaction behaviour opens none around it, so the database's write lock (SQLite has one for the whole file) and
/// the audit chain's lock are held for that save only, not while the handler reads and matches (decision 0068). Such a
/// handler gives its answer to <see cref="IAnswerKeeper"/> just before that save, so an Idempotency-Key's record and its
/// answer are written in it too (decision 0075).
/// </summary>
#pragma warning disable CA1040 // A marker is the point: the transaction behaviour tests for it.
public interface IWritesInOneSave
{
}
#pragma warning restore CA1040
