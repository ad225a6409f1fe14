namespace CaseManagement.Application.Common.Interfaces;

/// <summary>
/// Marks a command that may run once more when its save loses a race on a unique key: nothing of the losing run is
/// kept, and the second run finds the winner's work, as a later send would. The transaction behaviour tests for it.
/// The one plan of a case is such a key: two first changes to a plan at once both start it, and the second run adds
/// its change to the plan the first one started.
/// </summary>
#pragma warning disable CA1040 // A marker is the point: the transaction behaviour tests for it.
public interface IRunsAgainAfterALostRace
{
}

/// <summary>
/// Marks a command whose key makes a second send answer with what the first one made (a submission key, a draft). Two
/// sends that race both miss the other's work and the loser's save fails on the key; the transaction behaviour then
/// runs the loser once more, and it finds the winner's work, as a later send would.
/// </summary>
public interface IIdempotentCommand : IRunsAgainAfterALostRace
{
}
#pragma warning restore CA1040
