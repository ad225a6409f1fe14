namespace CaseManagement.Application.Common.Interfaces;

/// <summary>
/// Marks a command whose key makes a second send answer with what the first one made (a submission key, a draft). Two
/// sends that race both miss the other's work and the loser's save fails on the key; the transaction behaviour then
/// runs the loser once more, and it finds the winner's work, as a later send would.
/// </summary>
#pragma warning disable CA1040 // A marker is the point: the transaction behaviour tests for it.
public interface IIdempotentCommand
{
}
#pragma warning restore CA1040
