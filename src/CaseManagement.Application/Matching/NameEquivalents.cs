using System.Collections.Frozen;

namespace CaseManagement.Application.Matching;

/// <summary>
/// Given names that stand for each other: nicknames, and Welsh and English forms of the same name.
/// This is data the project owns: edit the groups below (keep one group per line, the fullest form first).
/// </summary>
/// <remarks>
/// Two names are equivalent when some group holds both. Membership is not transitive: Ifan is in the Ieuan group
/// (Ieuan, Evan, Ifan) and in the Iwan group (Iwan, Ifan, John), so Ifan ~ Evan and Ifan ~ John, but Evan is not John.
/// Names are matched after <see cref="NameNormaliser"/> folding, so "Siôn" and "Sion" are the same entry.
/// A group of one records a common Welsh name that has no equivalent; it makes no pair.
/// </remarks>
public static class NameEquivalents
{
    /// <summary>The groups, as written. Welsh forms first where there is one.</summary>
    private static readonly string[][] Data =
    [
        // Welsh names and their English equivalents.
        ["Dafydd", "Dai", "Dewi", "David", "Dave", "Davy", "Davie"],
        ["Siôn", "Sion", "Ioan", "John", "Johnny", "Jonny", "Jon", "Jac", "Jack"],
        ["Gwilym", "William", "Will", "Bill", "Billy", "Liam", "Willie", "Wil"],
        ["Rhys", "Reece", "Rees", "Reese"],
        ["Ieuan", "Evan", "Ifan"],
        ["Siân", "Sian", "Jane", "Jean", "Siani"],
        ["Megan", "Meg", "Margaret", "Maggie", "Mags"],
        ["Elin", "Ellen", "Helen", "Eleanor"],
        ["Huw", "Hugh"],
        ["Iwan", "Ifan", "John"],
        ["Catrin", "Catherine", "Katherine", "Kathryn", "Kate", "Katie", "Cath", "Cathy", "Kath"],
        ["Owain", "Owen"],
        ["Llywelyn", "Llewelyn", "Llew", "Lewis"],
        ["Tomos", "Thomas", "Tom", "Tommy", "Twm"],
        ["Rhodri", "Roderick", "Rod"],
        ["Ffion", "Fiona"],
        ["Gareth", "Gary", "Gaz"],
        ["Siwan", "Joan"],
        ["Mair", "Mary", "Mari"],
        ["Bethan", "Elizabeth", "Beth", "Liz", "Lisa", "Lizzie", "Libby", "Eliza"],
        ["Dylan"],
        ["Gethin"],
        ["Cerys"],

        // Common English nicknames.
        ["Robert", "Rob", "Robbie", "Bob", "Bobby"],
        ["Michael", "Mike", "Mikey", "Mick"],
        ["Joseph", "Joe", "Joey"],
        ["James", "Jim", "Jimmy", "Jamie"],
        ["Alexander", "Alex", "Xander", "Alec"],
        ["Alexandra", "Alex", "Lexi", "Lexie"],
        ["Christopher", "Chris"],
        ["Daniel", "Dan", "Danny"],
        ["Matthew", "Matt", "Matty"],
        ["Samuel", "Sam", "Sammy"],
        ["Samantha", "Sam", "Sammie"],
        ["Benjamin", "Ben", "Benji"],
        ["Nicholas", "Nick", "Nicky"],
        ["Jonathan", "Jon", "Jonny"],
        ["Edward", "Ed", "Eddie", "Ted"],
        ["Richard", "Rich", "Richie", "Rick", "Ricky", "Dick"],
        ["Anthony", "Tony"],
        ["Charlotte", "Charlie", "Lottie"],
        ["Charles", "Charlie", "Chas"],
        ["Rebecca", "Becky", "Becca"],
        ["Jessica", "Jess", "Jessie"],
        ["Abigail", "Abbie", "Abby", "Abi"],
        ["Olivia", "Liv", "Livvy"],
        ["Victoria", "Tori", "Vicky"],
        ["Kimberley", "Kimberly", "Kim"],
        ["Nathan", "Nate"],
        ["Zachary", "Zac", "Zach", "Zack"],
        ["Frederick", "Fred", "Freddie", "Freddy"],
        ["Henry", "Harry", "Hal"],
        ["Eleanor", "Ellie", "Elle", "Nell"],
    ];

    private static readonly FrozenDictionary<string, int[]> GroupsByName = BuildLookup();

    /// <summary>The groups after normalisation, in the order above; a group's index is its identifier.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Groups { get; } =
        Data.Select(group => (IReadOnlyList<string>)group.Select(NameNormaliser.GivenNameKey).Distinct(StringComparer.Ordinal).ToList()).ToList();

    /// <summary>Whether two given names are the same name or stand for each other (Dai and Dafydd, Siôn and John, Gwilym and Bill).</summary>
    public static bool AreEquivalent(string? first, string? second)
    {
        var a = NameNormaliser.GivenNameKey(first);
        var b = NameNormaliser.GivenNameKey(second);
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        return a == b || Intersects(GroupsOf(a), GroupsOf(b));
    }

    /// <summary>The indexes of the groups that hold a normalised given-name key; empty when none does.</summary>
    internal static int[] GroupsOf(string key) => GroupsByName.TryGetValue(key, out var groups) ? groups : [];

    internal static bool Intersects(int[] a, int[] b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x == y)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static FrozenDictionary<string, int[]> BuildLookup()
    {
        var lookup = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var group = 0; group < Data.Length; group++)
        {
            var names = Data[group].Select(NameNormaliser.GivenNameKey).Distinct(StringComparer.Ordinal).ToList();
            if (names.Count < 2)
            {
                continue;
            }

            foreach (var name in names)
            {
                if (!lookup.TryGetValue(name, out var groups))
                {
                    groups = [];
                    lookup[name] = groups;
                }

                groups.Add(group);
            }
        }

        return lookup.ToFrozenDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }
}
