namespace CaseManagement.Application.Matching;

/// <summary>
/// A record's blocking keys as signed 64-bit numbers, for a database to hold: the same keys a <see cref="CandidateIndex"/>
/// uses, so a referral is compared only with the records that share one with it, in memory or in the database.
/// </summary>
public static class MatchBlocking
{
    /// <summary>
    /// The version of the keys <see cref="KeysOf(PersonRecord, out int)"/> writes, stored with each key. Raise it with
    /// any change to the keys (a key added, dropped or computed differently): at the next start a background job keys
    /// every child again, replacing each child's old keys in one transaction, while intake goes on finding children by
    /// the keys they hold (decision 0078). Version 1 is the scheme of decision 0073; version 2 adds the partial-date keys
    /// of decision 0081; version 3 the names with the town of decision 0094; version 4 a postcode and a phone number not
    /// in the UK's form, as written (decision 0102).
    /// </summary>
    public const int KeySchemeVersion = 4;

    /// <summary>The record's keys, identifier keys first; <paramref name="identifierKeys"/> says how many.</summary>
    public static IReadOnlyList<long> KeysOf(PersonRecord record, out int identifierKeys)
    {
        ArgumentNullException.ThrowIfNull(record);
        var prepared = PreparedRecord.Prepare(record);
        Span<ulong> keys = stackalloc ulong[BlockingKeys.MaxKeys];
        var count = BlockingKeys.Write(prepared, keys, out identifierKeys);
        var result = new long[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = unchecked((long)keys[i]);
        }

        return result;
    }

    public static IReadOnlyList<long> KeysOf(PersonRecord record) => KeysOf(record, out _);
}
