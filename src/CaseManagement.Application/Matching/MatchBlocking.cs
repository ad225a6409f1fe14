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
    /// in the UK's form, as written (decision 0102); version 5 the keys of a search that says little (decision 0107: every
    /// child holds them, only a search with no date of birth, or no family name either, reads them; <see cref="SearchKeysOf"/>).
    /// </summary>
    public const int KeySchemeVersion = 5;

    /// <summary>The keys a record holds, identifier keys first; <paramref name="identifierKeys"/> says how many.</summary>
    public static IReadOnlyList<long> KeysOf(PersonRecord record, out int identifierKeys) => Keys(record, search: false, out identifierKeys);

    public static IReadOnlyList<long> KeysOf(PersonRecord record) => KeysOf(record, out _);

    /// <summary>
    /// The keys a search for the record looks up, identifier keys first: the keys it holds, less those of a search that
    /// says little unless it says little (decision 0107: the given name's code with the town only with neither a family
    /// name nor a date of birth; the given name's first letter with the family name only with no date of birth).
    /// </summary>
    public static IReadOnlyList<long> SearchKeysOf(PersonRecord record, out int identifierKeys) => Keys(record, search: true, out identifierKeys);

    private static long[] Keys(PersonRecord record, bool search, out int identifierKeys)
    {
        ArgumentNullException.ThrowIfNull(record);
        var prepared = PreparedRecord.Prepare(record);
        Span<ulong> keys = stackalloc ulong[BlockingKeys.MaxKeys];
        var count = BlockingKeys.Write(prepared, keys, out identifierKeys, search);
        var result = new long[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = unchecked((long)keys[i]);
        }

        return result;
    }
}
