namespace CaseManagement.Domain.Children;

/// <summary>
/// Whose an e-mail address or phone number given for a child is (decision 0092). A child's own contact is theirs alone
/// and speaks for them in matching; a parent's or carer's is shared by brothers and sisters, so it speaks only for the
/// home. Not said (null where it is held) is read as a parent's or carer's: the safe reading of older records.
/// </summary>
public enum ContactOwner
{
    /// <summary>The child's or young person's own.</summary>
    Child,

    /// <summary>A parent's or carer's (the home's).</summary>
    ParentOrCarer,
}

/// <summary>An e-mail address or phone number as given, with whose it is (null when not said).</summary>
/// <param name="Value">The address or number as written; blank is none.</param>
/// <param name="Owner">Whose it is; kept only with a value.</param>
public readonly record struct ContactDetail(string? Value, ContactOwner? Owner);
