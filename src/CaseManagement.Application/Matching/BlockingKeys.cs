namespace CaseManagement.Application.Matching;

/// <summary>
/// The blocking keys of a record: two records are compared only if they share at least one. Each key is a 64-bit
/// hash of a tag and its values (a collision only adds a candidate; scoring decides).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Each valid identifier (NHS number, UPN, PNC ID): never skipped, however large its block.</item>
/// <item>Date of birth with day and month in either order: catches every pair with the date right or swapped.</item>
/// <item>Given name (its Double Metaphone primary code, and each nickname group it belongs to) with the family name's
/// primary code (and each part's, for a double-barrelled name): catches wrong or missing dates of birth.</item>
/// <item>Birth year with the family name's primary code (and each part's): catches nicknames not in the table with a
/// wrong day or month.</item>
/// <item>Postcode district with birth year: catches a changed family name.</item>
/// <item>The full postcode (a few dozen households): catches names written the wrong way round, or both names
/// mistyped, when the date of birth is missing or wrong.</item>
/// <item>The e-mail address and the phone number (a household's few children); a postcode or phone number not in the
/// UK's form, as written (<see cref="WriteAsWritten"/>).</item>
/// <item>The given and family names' codes in either order: catches names written the wrong way round when nothing
/// else is shared.</item>
/// <item>The house and street together (a household), and another identifier with its issuer: catch a mistyped
/// postcode and names and date of birth that are all wrong.</item>
/// <item>The town with the family name's code: catches a child who moved within the town whose date of birth is
/// wrong or missing (a town's commonest family names exceed the block limit and are skipped).</item>
/// <item>The first three letters of both names, and the last three, in either order: catch slips that change how a
/// name sounds (<see cref="WriteNameEnds"/>).</item>
/// <item>Two thirds of the e-mail address, each half of the phone number: catch one slip in either
/// (<see cref="WriteContactParts"/>).</item>
/// <item>The given name's code with the day and month, the town with the year and month, both names' first letters with
/// the year and month: catch a slip in the date together with slips in the names (<see cref="WritePartialDates"/>).</item>
/// <item>The given name as written with the family name's first letter and the town, and the family name's first three
/// letters with the town: catch a family name mistyped twice, or a given name left out, when the date of birth is
/// wrong or missing (<see cref="WriteTownNames"/>).</item>
/// <item>Keys of a search that says little (<see cref="WriteWiderSearch(PreparedRecord, Span{ulong}, ref int)"/>, scheme
/// 5): every record holds the given name's code with the town, and the given name's first letter with the family name
/// as written; only a search with neither a family name nor a date of birth reads the first, and only one with no date
/// of birth the second, so the records that lost the keys most searches rely on look wider and the rest pay nothing.</item>
/// </list>
/// A referral that gets every one of these wrong at once is not found by blocking, by design.
/// </remarks>
internal static class BlockingKeys
{
    /// <summary>Enough room for the keys of any record (more are dropped, which only narrows blocking).</summary>
    public const int MaxKeys = 64;

    private const ulong NhsTag = 1;
    private const ulong UpnTag = 2;
    private const ulong PncTag = 3;
    private const ulong DateTag = 4;
    private const ulong NameTag = 5;
    private const ulong YearFamilyTag = 6;
    private const ulong DistrictYearTag = 7;
    private const ulong PostcodeTag = 8;
    private const ulong EmailTag = 9;
    private const ulong PhoneTag = 10;
    private const ulong EitherOrderNameTag = 11;
    private const ulong AddressTag = 12;
    private const ulong OtherIdentifierTag = 13;
    private const ulong TownFamilyTag = 14;
    private const ulong NamePrefixTag = 15;
    private const ulong NameSuffixTag = 16;
    private const ulong EmailPartsTag = 17;
    private const ulong PhoneHalfTag = 18;
    private const ulong GivenDayMonthTag = 19;
    private const ulong TownYearMonthTag = 20;
    private const ulong InitialsYearMonthTag = 21;
    private const ulong GivenFamilyInitialTownTag = 22;
    private const ulong FamilyStartTownTag = 23;
    private const ulong PostcodeAsWrittenTag = 24;
    private const ulong GivenTownTag = 25;
    private const ulong GivenInitialFamilyTag = 26;

    /// <summary>An e-mail address's part before the @ shorter than this gives no keys of its parts: they are too common.</summary>
    private const int MinimumLocalPart = 9;

    /// <summary>How many letters of each name the prefix and suffix keys take.</summary>
    private const int NameEnd = 3;

    /// <summary>Marks a nickname group in a name key, so that a group index cannot meet a phonetic code.</summary>
    private const ulong GroupMarker = 1UL << 40;

    /// <summary>
    /// Writes the record's keys, identifier keys first, and returns how many were written; <paramref name="identifierKeys"/>
    /// says how many of the first keys are identifier keys. Duplicate keys are removed. <paramref name="search"/> says
    /// the keys are a search's, not a record's to hold: the keys of a search that says little are then written only for
    /// a record that says little (decision 0107).
    /// </summary>
    public static int Write(PreparedRecord record, Span<ulong> keys, out int identifierKeys, bool search = false)
    {
        var count = 0;
        if (record.NhsNumber is { } nhs)
        {
            Add(keys, ref count, Key(NhsTag, Hash(nhs), 0));
        }

        if (record.UniquePupilNumber is { } upn)
        {
            Add(keys, ref count, Key(UpnTag, Hash(upn), 0));
        }

        if (record.PncId is { } pnc)
        {
            Add(keys, ref count, Key(PncTag, Hash(pnc), 0));
        }

        identifierKeys = count;

        if (record.Year != 0)
        {
            var low = Math.Min(record.Day, record.Month);
            var high = Math.Max(record.Day, record.Month);
            Add(keys, ref count, Key(DateTag, (ulong)((record.Year * 10_000) + (low * 100) + high), 0));
        }

        if (record.FamilyPrimaryPhonetic != 0)
        {
            Span<ulong> familyCodes = stackalloc ulong[1 + record.FamilyPartPhonetics.Length];
            familyCodes[0] = record.FamilyPrimaryPhonetic;
            for (var i = 0; i < record.FamilyPartPhonetics.Length; i++)
            {
                familyCodes[i + 1] = record.FamilyPartPhonetics[i];
            }

            foreach (var family in familyCodes)
            {
                foreach (var given in record.GivenPrimaryPhonetics)
                {
                    Add(keys, ref count, Key(NameTag, given, family));
                }

                foreach (var group in record.GivenGroups)
                {
                    Add(keys, ref count, Key(NameTag, GroupMarker | (uint)group, family));
                }

                if (record.Year != 0)
                {
                    Add(keys, ref count, Key(YearFamilyTag, (ulong)record.Year, family));
                }
            }

            // The same key for "Evans Megan" as for "Megan Evans": names written the wrong way round.
            foreach (var given in record.GivenPrimaryPhonetics)
            {
                Add(keys, ref count, Key(EitherOrderNameTag, Math.Min(given, record.FamilyPrimaryPhonetic), Math.Max(given, record.FamilyPrimaryPhonetic)));
            }
        }

        WriteNameEnds(record, keys, ref count);

        if (record.Year != 0 && record.Postcode.District != 0)
        {
            Add(keys, ref count, Key(DistrictYearTag, record.Postcode.District, (ulong)record.Year));
        }

        if (record.Postcode.Full != 0)
        {
            Add(keys, ref count, Key(PostcodeTag, record.Postcode.Full, 0));
        }

        if (record.Email is { } email)
        {
            Add(keys, ref count, Key(EmailTag, Hash(email), 0));
        }

        if (record.Phone is { } phone)
        {
            Add(keys, ref count, Key(PhoneTag, Hash(phone), 0));
        }

        WriteContactParts(record, keys, ref count);
        WriteAsWritten(record, keys, ref count);

        if (record.House is { } house && record.Street is { } street)
        {
            Add(keys, ref count, Key(AddressTag, Hash(house), Hash(street)));
        }

        // Not the town with the given name: given names are shared far more widely than family names, and that key
        // doubled the pairs left for review for few more true pairs found.
        if (record.Town is { } town && record.FamilyPrimaryPhonetic != 0)
        {
            Add(keys, ref count, Key(TownFamilyTag, Hash(town), record.FamilyPrimaryPhonetic));
        }

        WritePartialDates(record, keys, ref count);
        WriteTownNames(record, keys, ref count);

        if (record.OtherIdentifier is { } other)
        {
            Add(keys, ref count, Key(OtherIdentifierTag, Hash(record.OtherIdentifierIssuer!), Hash(other)));
        }

        // Last, so a record with very many keys loses these and not its other identifier's (decision 0107's review).
        WriteWiderSearch(record, keys, ref count, search);

        // Remove duplicates among the non-identifier keys (identifier keys have distinct tags).
        var rest = keys[identifierKeys..count];
        rest.Sort();
        var unique = 0;
        for (var i = 0; i < rest.Length; i++)
        {
            if (i == 0 || rest[i] != rest[i - 1])
            {
                rest[unique++] = rest[i];
            }
        }

        return identifierKeys + unique;
    }

    /// <summary>
    /// The first three letters of the given name with the first three of the family name, and the last three with the
    /// last three, each pair in either order (issue 18, session 7): a slip that changes a name's sound (at its first
    /// letter, or two slips at once) leaves one end of it, where the phonetic keys miss; names written the wrong way
    /// round with one of them mistyped share them too. A block is about as large as the phonetic name key's.
    /// </summary>
    internal static void WriteNameEnds(PreparedRecord record, Span<ulong> keys, ref int count)
    {
        if (record.FamilyKey.Length == 0)
        {
            return;
        }

        var familyStart = Hash(Start(record.FamilyKey));
        var familyEnd = Hash(End(record.FamilyKey));
        foreach (var given in record.GivenNames)
        {
            var start = Hash(Start(given));
            var end = Hash(End(given));
            Add(keys, ref count, Key(NamePrefixTag, Math.Min(start, familyStart), Math.Max(start, familyStart)));
            Add(keys, ref count, Key(NameSuffixTag, Math.Min(end, familyEnd), Math.Max(end, familyEnd)));
        }
    }

    /// <summary>
    /// Two of the three thirds of the e-mail address's part before the @, and each half of the phone number (issue 18,
    /// session 7): one slip leaves two thirds or one half whole, so a mistyped address or number still meets the right
    /// one (the pigeonhole rule). Each is shared by few records: a phone number's first half is a dialling code and a
    /// few more digits.
    /// </summary>
    internal static void WriteContactParts(PreparedRecord record, Span<ulong> keys, ref int count)
    {
        // The part before the @ in thirds, each key two of them (a slip in the domain leaves all three whole). Halves
        // were too common: "gwenlli" is the first half of every gwenllian.surname. Shorter than nine characters, none.
        if (record.Email is { } email && email.IndexOf('@', StringComparison.Ordinal) is var at && at >= MinimumLocalPart)
        {
            var first = Hash(email.AsSpan(0, at / 3));
            var second = Hash(email.AsSpan(at / 3, (2 * at / 3) - (at / 3)));
            var third = Hash(email.AsSpan(2 * at / 3, at - (2 * at / 3)));
            Add(keys, ref count, Key(EmailPartsTag, first, second));
            Add(keys, ref count, Key(EmailPartsTag, first, ~third));
            Add(keys, ref count, Key(EmailPartsTag, ~second, ~third));
        }

        if (record.Phone is { } phone)
        {
            // The longer half first: "07123" alone is one of a few hundred mobile prefixes, "071234" one of thousands.
            var split = (phone.Length + 1) / 2;
            Add(keys, ref count, Key(PhoneHalfTag, Hash(phone.AsSpan(0, split)), 1));
            Add(keys, ref count, Key(PhoneHalfTag, Hash(phone.AsSpan(split)), 2));
        }
    }

    /// <summary>
    /// A postcode that is not a UK postcode and a phone number that is not a UK number, as written (decision 0102): the
    /// same value is a home (a postcode from abroad may be a town), so such rows meet as the UK postcode's and number's do.
    /// </summary>
    internal static void WriteAsWritten(PreparedRecord record, Span<ulong> keys, ref int count)
    {
        if (record.PostcodeAsWritten is { } postcode)
        {
            Add(keys, ref count, Key(PostcodeAsWrittenTag, Hash(postcode), 0));
        }

        if (record.PhoneAsWritten is { } phone)
        {
            Add(keys, ref count, Key(PhoneTag, Hash(phone), 0));
        }
    }

    /// <summary>
    /// Parts of the date of birth with one other thing (issue 18, session 9): the given name's code with the day and
    /// month (a slip in the year and in the family name), the town with the year and month (a slip in the day and in
    /// both names), and the names' first letters with the year and month.
    /// </summary>
    internal static void WritePartialDates(PreparedRecord record, Span<ulong> keys, ref int count)
    {
        if (record.Year == 0)
        {
            return;
        }

        var low = Math.Min(record.Day, record.Month);
        var high = Math.Max(record.Day, record.Month);
        foreach (var given in record.GivenPrimaryPhonetics)
        {
            Add(keys, ref count, Key(GivenDayMonthTag, given, (ulong)((low * 100) + high)));
        }

        var yearMonth = (ulong)((record.Year * 100) + record.Month);
        if (record.Town is { } town)
        {
            Add(keys, ref count, Key(TownYearMonthTag, Hash(town), yearMonth));
        }

        if (record.GivenNames.Length > 0 && record.FamilyKey.Length > 0)
        {
            Add(keys, ref count, Key(InitialsYearMonthTag, ((ulong)record.GivenNames[0][0] << 16) | record.FamilyKey[0], yearMonth));
        }
    }

    /// <summary>
    /// Names with the town (issue 18, session 11, decision 0094): the given name as written (its first word) with the
    /// family name's first letter and the town, and the family name's first three letters with the town. They catch a
    /// child whose date of birth is wrong or missing and whose family name has two slips (its sound and both its ends
    /// changed, the first letter kept), or whose given name is left out and family name mistyped. Narrower than the
    /// given name's code with the town, which caught more but showed a person a third more pairs (decisions 0073, 0081).
    /// </summary>
    internal static void WriteTownNames(PreparedRecord record, Span<ulong> keys, ref int count)
    {
        if (record.Town is not { } town || record.FamilyKey.Length == 0)
        {
            return;
        }

        var townHash = Hash(town);
        if (record.GivenNames.Length > 0)
        {
            Add(keys, ref count, Key(GivenFamilyInitialTownTag, Hash(record.GivenNames[0]) ^ record.FamilyKey[0], townHash));
        }

        if (record.FamilyKey.Length >= NameEnd)
        {
            Add(keys, ref count, Key(FamilyStartTownTag, Hash(Start(record.FamilyKey)), townHash));
        }
    }

    /// <summary>
    /// The keys of a search that says little (issue 18, session 14, decision 0107, scheme 5), as a record holds them:
    /// <see cref="WriteWiderSearch(PreparedRecord, Span{ulong}, ref int, bool)"/> with <c>search</c> false.
    /// </summary>
    internal static void WriteWiderSearch(PreparedRecord record, Span<ulong> keys, ref int count) => WriteWiderSearch(record, keys, ref count, search: false);

    /// <summary>
    /// The keys a search that says little looks wider with (decision 0107, scheme 5). Every record holds them; a search
    /// uses each only when the record lacks what the other keys are built on:
    /// <list type="bullet">
    /// <item>the given name's code with the town, for a search with neither a family name nor a date of birth (a child
    /// named and placed, nothing more): on GeCo heavy nine in ten true pairs never compared had a date of birth missing
    /// and half a family name missing;</item>
    /// <item>the given name's first letter with the family name as written, for a search with no date of birth (the
    /// given name mistyped so that its sound and both its ends change).</item>
    /// </list>
    /// A search that has its date and family name does not read them, so it does not look through a town's every
    /// namesake: the given name's code with the town, read by every search, showed a person a third more pairs
    /// (decisions 0073, 0081, 0094), and read by every search with either field missing, still a third more (0107).
    /// </summary>
    /// <summary>
    /// Whether a search for the record reads a key of a search that says little (<see cref="WriteWiderSearch(PreparedRecord,
    /// Span{ulong}, ref int, bool)"/>): the same conditions. Every other key a record holds, its own search reads, so only
    /// such a search can find a record whose own search does not find it back (<see cref="CandidateIndex.CandidatePairs"/>).
    /// </summary>
    internal static bool SearchReadsWider(PreparedRecord record) =>
        record.Year == 0
        && ((record.Town is not null && record.FamilyKey.Length == 0 && record.GivenPrimaryPhonetics.Length > 0)
            || (record.GivenNames.Length > 0 && record.FamilyKey.Length > 0));

    private static void WriteWiderSearch(PreparedRecord record, Span<ulong> keys, ref int count, bool search)
    {
        var noDate = record.Year == 0;
        if (record.Town is { } town && (!search || (noDate && record.FamilyKey.Length == 0)))
        {
            var townHash = Hash(town);
            foreach (var given in record.GivenPrimaryPhonetics)
            {
                Add(keys, ref count, Key(GivenTownTag, given, townHash));
            }
        }

        if (record.GivenNames.Length > 0 && record.FamilyKey.Length > 0 && (!search || noDate))
        {
            Add(keys, ref count, Key(GivenInitialFamilyTag, record.GivenNames[0][0], Hash(record.FamilyKey)));
        }
    }

    private static ReadOnlySpan<char> Start(string name) => name.AsSpan(0, Math.Min(NameEnd, name.Length));

    private static ReadOnlySpan<char> End(string name) => name.AsSpan(Math.Max(0, name.Length - NameEnd));

    private static void Add(Span<ulong> keys, ref int count, ulong key)
    {
        if (count < keys.Length)
        {
            keys[count++] = key;
        }
    }

    private static ulong Key(ulong tag, ulong first, ulong second) => Mix(Mix((tag << 56) ^ first) + second);

    /// <summary>The SplitMix64 finaliser: spreads the bits so that similar inputs give unrelated keys.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>FNV-1a over the characters: stable across processes, unlike string.GetHashCode.</summary>
    private static ulong Hash(ReadOnlySpan<char> value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
