using System.Globalization;
using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Tests.Matching;

/// <summary>
/// Fictional children for blocking and search tests, generated from a fixed seed so every run sees the same ones.
/// Family names follow a rough Welsh distribution (Jones, Williams, Davies... very common).
/// </summary>
internal static class SyntheticChildren
{
    private static readonly string[] CommonFamilyNames =
        ["Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan", "Griffiths"];

    private static readonly string[] OtherFamilyNames =
    [
        "Pritchard", "Price", "Powell", "Jenkins", "Rees", "Owen", "Parry", "Phillips", "Edwards", "James", "Lloyd", "Bowen",
        "Howells", "Llewellyn", "Vaughan", "Prosser", "Meredith", "Gwynne", "Pugh", "Probert", "Watkins", "Harries", "Bevan",
        "Protheroe", "Gittins", "Beddoe", "Madoc", "Kemble", "Nash", "Tudor", "Cadwaladr", "Rowlands", "Gronow", "Walters",
        "Bennett", "Clarke", "Smith", "Brown", "Taylor", "Wilson", "Ashworth", "Kaur", "Khan", "Nowak", "Okafor", "Ahmed",
    ];

    private static readonly string[] GivenNamesFemale =
    [
        "Ffion", "Cerys", "Megan", "Catrin", "Elin", "Sian", "Bethan", "Mair", "Seren", "Nia", "Alys", "Lowri", "Manon",
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ella", "Grace", "Lily", "Sophie", "Evie", "Ruby", "Chloe", "Freya",
    ];

    private static readonly string[] GivenNamesMale =
    [
        "Dafydd", "Rhys", "Dylan", "Gethin", "Owain", "Tomos", "Iwan", "Huw", "Gwilym", "Ieuan", "Osian", "Cai", "Macsen",
        "Oliver", "Jack", "Harry", "George", "Noah", "Leo", "Oscar", "Charlie", "Jacob", "Alfie", "Theo", "Ethan", "Logan",
    ];

    private static readonly string[] Districts =
    [
        "CF37", "CF38", "CF39", "CF40", "CF41", "CF42", "CF43", "CF44", "CF45", "CF10", "CF11", "CF14", "CF24", "NP20",
        "NP19", "SA1", "SA2", "SA11", "SA12", "LL57", "LL55", "SY23", "LD1", "CH5", "CH7",
    ];

    /// <summary>A deterministic population of <paramref name="count"/> children born 2007 to 2018.</summary>
    public static List<PersonRecord> Generate(int count, int seed = 20261122)
    {
        var random = new Random(seed);
        var children = new List<PersonRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var female = random.Next(2) == 0;
            var names = female ? GivenNamesFemale : GivenNamesMale;
            var family = random.NextDouble() < 0.4
                ? CommonFamilyNames[random.Next(CommonFamilyNames.Length)]
                : OtherFamilyNames[random.Next(OtherFamilyNames.Length)];
            children.Add(new PersonRecord(
                Guid.NewGuid(),
                names[random.Next(names.Length)],
                family,
                DateOfBirth: new DateOnly(2007, 1, 1).AddDays(random.Next(12 * 365)),
                Sex: female ? Sex.Female : Sex.Male,
                Postcode: Postcode(random)));
        }

        return children;
    }

    /// <summary>A random postcode in one of the districts.</summary>
    public static string Postcode(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var district = Districts[random.Next(Districts.Length)];
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{district} {random.Next(1, 10)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}");
    }
}
