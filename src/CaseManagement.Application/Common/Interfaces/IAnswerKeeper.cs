namespace CaseManagement.Application.Common.Interfaces;

/// <summary>
/// Keeps the answer to a request sent with an <c>Idempotency-Key</c> (decision 0075). A command gives its answer here
/// before the work is committed: the one-save handler just before its save, the transaction behaviour before its commit.
/// The key's record is completed with it and written in that same save or transaction, so a retry finds the work and
/// its answer together, or neither. Outside such a request nothing is kept.
/// </summary>
public interface IAnswerKeeper
{
    /// <summary>
    /// Completes the key's record with the command's answer. True when the record now waits for a save (the caller saves
    /// it with the work, or alone when the command wrote nothing); false when there is nothing to keep.
    /// </summary>
    bool Keep(object? answer);

    /// <summary>After the context forgot everything unsaved (a lost race): claims the key again, so the run again is refused on it too.</summary>
    void ClaimAgain();

    /// <summary>
    /// True when the request's Idempotency-Key was looked up and no record of it was found, and the command has not run
    /// again after a lost race: no work was done under this key, because the key's record is saved with the work
    /// (decision 0075). A command may then skip looking for an earlier send's work; the unique key it saves its work
    /// under still refuses a duplicate, and the run again after that lost race looks (decision 0096).
    /// </summary>
    bool KeyIsNew { get; }
}

/// <summary>Keeps nothing: for hosts with no Idempotency-Key (the worker, the command line, tests of the Application layer).</summary>
public sealed class NoAnswerKeeper : IAnswerKeeper
{
    public bool Keep(object? answer) => false;

    public void ClaimAgain()
    {
    }

    public bool KeyIsNew => false;
}
