using System.Globalization;
using System.Text;
using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;

namespace CaseManagement.Tools.Evaluation;

/// <summary>How many duplicates an original record with duplicates gets (GeCo's and FEBRL's choices).</summary>
public enum DuplicateDistribution
{
    /// <summary>P(k) proportional to 1/k, for k from 1 to the maximum: most originals get one, a few get many.</summary>
    Zipf,

    /// <summary>1 + Poisson(1), cut at the maximum.</summary>
    Poisson,

    /// <summary>Every count from 1 to the maximum as likely.</summary>
    Uniform,
}

/// <summary>What <see cref="GecoReferrals"/> makes; the defaults are the "moderate" set of docs/performance.md.</summary>
public sealed record GecoReferralOptions
{
    /// <summary>How many rows (originals and duplicates together).</summary>
    public int Count { get; init; } = 10_000;

    /// <summary>The seed: the same seed and options give the same rows, on any machine.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The share of originals that get duplicates at all.</summary>
    public double DuplicatedShare { get; init; } = 0.5;

    /// <summary>The most duplicates one original gets.</summary>
    public int MaxDuplicatesPerOriginal { get; init; } = 5;

    /// <summary>How the number of duplicates is drawn.</summary>
    public DuplicateDistribution Distribution { get; init; } = DuplicateDistribution.Zipf;

    /// <summary>The most attributes one duplicate has corrupted (1 to this many, uniformly).</summary>
    public int MaxModificationsPerRecord { get; init; } = 3;

    /// <summary>The most corruptions applied to one attribute of one duplicate.</summary>
    public int MaxModificationsPerAttribute { get; init; } = 2;

    /// <summary>The share of originals written without their identifier (the rest carry a valid NHS number).</summary>
    public double IdentifierMissingShare { get; init; } = 0.3;

    /// <summary>Households of brothers, sisters and twins (null: every child drawn on their own, as in the first two sets).</summary>
    public GecoHouseholdOptions? Households { get; init; }

    /// <summary>The "heavy" set: up to five attributes corrupted per duplicate, up to three times each.</summary>
    public static GecoReferralOptions Heavy(int count, int seed) =>
        new() { Count = count, Seed = seed, MaxModificationsPerRecord = 5, MaxModificationsPerAttribute = 3, IdentifierMissingShare = 0.5 };

    /// <summary>The "households" set: the moderate corruption, with children drawn in households (decision 0087).</summary>
    public static GecoReferralOptions WithHouseholds(int count, int seed) =>
        new() { Count = count, Seed = seed, Households = new GecoHouseholdOptions() };
}

/// <summary>
/// How <see cref="GecoReferrals"/> draws households (decision 0087): the shares are published figures, not this
/// project's first generator's. Each child of a household is an original record of its own, with its own duplicates.
/// </summary>
public sealed record GecoHouseholdOptions
{
    /// <summary>
    /// The share of children with a brother or sister in the set: 43% to 50% of looked-after children are in a sibling
    /// group in care (Family Rights Group, "What happens to siblings in the care system?", 2015: 21,150 children in 8,446
    /// groups; Lincolnshire 2021: 301 of 699; Devon 2019: 382 of 762).
    /// </summary>
    public double SiblingShare { get; init; } = 0.45;

    /// <summary>
    /// The children in a sibling group, 2, 3 and 4, as likely as these weights: a mean of 2.5 (Family Rights Group:
    /// 21,150 / 8,446 = 2.50; Lincolnshire 2.6, Devon 2.6), two-child groups commonest as in ONS Families and Households
    /// (3.4 million two-child families against 1.2 million with three or more).
    /// </summary>
    public IReadOnlyList<double> GroupSizeWeights { get; init; } = [0.6, 0.28, 0.12];

    /// <summary>The share of maternities that are twins: about 1 in 65 in the UK (ONS; 14.6 to 16 per 1,000 maternities).</summary>
    public double TwinMaternityShare { get; init; } = 1 / 65.0;

    /// <summary>Twins of one sex: identical twins (about a third) and half the others (Weinberg's rule), so two thirds.</summary>
    public double TwinSameSexShare { get; init; } = 2 / 3.0;

    /// <summary>A brother or sister (not a twin) with another family name: a half or step sibling (ONS: about 1 family with dependent children in 10 is a stepfamily).</summary>
    public double OtherFamilyNameShare { get; init; } = 0.1;

    /// <summary>Households with one parent or carer (ONS: about a quarter of families with dependent children are lone-parent families); the rest have two.</summary>
    public double LoneCarerShare { get; init; } = 0.23;

    /// <summary>A child's record giving the household's phone (a parent's) rather than the child's own.</summary>
    public double SharedPhoneShare { get; init; } = 0.5;

    /// <summary>A child's record giving a parent's e-mail rather than the child's own.</summary>
    public double SharedEmailShare { get; init; } = 0.3;

    /// <summary>Brothers and sisters at the same stage (primary or secondary) at the same school.</summary>
    public double SameSchoolShare { get; init; } = 0.8;

    /// <summary>A record that names the child's school.</summary>
    public double SchoolRecordedShare { get; init; } = 0.8;

    /// <summary>
    /// Whether the records carry the house and street, the school and the carers (drawn either way, so the rows are the
    /// same): off, a record holds only what the other GeCo sets hold (postcode, town, e-mail, phone), to tell what the
    /// households cost from what those fields cost.
    /// </summary>
    public bool RecordHomeParts { get; init; } = true;
}

/// <summary>A generated row's contact details as written (the e-mail, phone and town are in its <see cref="PersonRecord"/> too).</summary>
/// <param name="HouseNumber">The house number, or empty.</param>
/// <param name="Street">The street, abbreviated or not.</param>
/// <param name="Town">The town.</param>
/// <param name="Email">An e-mail address, or empty.</param>
/// <param name="Phone">A UK phone number in one of the ways people write them, or empty.</param>
public sealed record GecoContact(string HouseNumber, string Street, string Town, string Email, string Phone);

/// <summary>Generated rows, their labels and their contact details (at the same positions).</summary>
public sealed record GecoPopulation(SyntheticPopulation Population, IReadOnlyList<GecoContact> Contacts);

/// <summary>
/// A second labelled generator, independent of <see cref="SyntheticReferrals"/>: written from the corruption model of
/// GeCo (Christen and Vatsalan, "Flexible and extensible generation and corruption of personal data", CIKM 2013; Tran,
/// Vatsalan and Christen, "GeCo: an online personal data generator and corruptor", CIKM 2013) and FEBRL's generator
/// before it (Christen, "Probabilistic data generation for deduplication and data linkage", IDEAL 2005), not from any
/// knowledge of referrals or of this matcher. Its own name lists (UK-wide, none of the first generator's Welsh
/// shares), its own addresses and no injected namesakes; households of brothers, sisters and twins only when
/// <see cref="GecoReferralOptions.Households"/> asks for them (decision 0087).
/// </summary>
/// <remarks>
/// The model: original records are drawn independently; a share of them get duplicates, how many drawn from a skewed
/// distribution (Zipf by default). Each duplicate is a copy of its original with 1 to <c>MaxModificationsPerRecord</c>
/// attributes corrupted, each chosen by its selection weight, each corrupted 1 to <c>MaxModificationsPerAttribute</c>
/// times by a corruptor drawn from the attribute's list: keyboard slips (a key in the same row or column of a QWERTY
/// keyboard), OCR slips (GeCo's look-alike table: rn/m, cl/d, 0/O, 5/S...), phonetic variations (GeCo's rules from
/// Lait and Randell: ph/f, ck/k, ie/y...), a plain edit (insert, delete, substitute, transpose) at a uniformly chosen
/// position, the first letter included, a missing value, a value replaced by another of the attribute's domain (a
/// re-issued identifier, another sex); and two record-level corruptions: given and family names swapped, day and
/// month swapped.
/// </remarks>
public static class GecoReferrals
{
    private static readonly string[] GivenFemale =
    [
        "Olivia", "Emily", "Sophie", "Jessica", "Chloe", "Lucy", "Charlotte", "Ellie", "Hannah", "Grace", "Lauren",
        "Amy", "Katie", "Megan", "Holly", "Abigail", "Rebecca", "Bethany", "Emma", "Molly", "Georgia", "Eleanor",
        "Amelia", "Isabella", "Caitlin", "Leah", "Paige", "Rachel", "Natasha", "Zara", "Aisha", "Maryam", "Freya",
        "Harriet", "Imogen", "Jasmine", "Kayleigh", "Laura", "Maisie", "Naomi", "Phoebe", "Rosie", "Scarlett", "Tegan",
        "Victoria", "Yasmin", "Alice", "Bronwen", "Daisy", "Erin", "Fatima", "Gemma", "Iris", "Joanna", "Kirsty",
    ];

    private static readonly string[] GivenMale =
    [
        "Jack", "Thomas", "Joshua", "Oliver", "Harry", "James", "William", "Samuel", "Daniel", "Charlie", "Benjamin",
        "Joseph", "Callum", "George", "Jake", "Alfie", "Luke", "Matthew", "Ethan", "Lewis", "Jacob", "Connor",
        "Nathan", "Ryan", "Adam", "Liam", "Kieran", "Mohammed", "Ibrahim", "Aaron", "Bradley", "Cameron", "Declan",
        "Elliot", "Finley", "Gabriel", "Henry", "Isaac", "Jamie", "Kyle", "Leon", "Mason", "Noah", "Owain", "Patrick",
        "Reece", "Sebastian", "Tyler", "Zachary", "Aled", "Bilal", "Dylan", "Euan", "Frazer", "Hamza",
    ];

    private static readonly string[] Family =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson",
        "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan", "Lewis",
        "James", "Phillips", "Mason", "Mitchell", "Rose", "Davis", "Rodriguez", "Cox", "Alexander", "Morgan", "Moore",
        "Martin", "Price", "Bell", "Cooper", "Ward", "Turner", "Hill", "Parker", "Watson", "Harris", "Edwards", "Baker",
        "Hughes", "Young", "Allen", "King", "Scott", "Adams", "Campbell", "Anderson", "Stewart", "Murray", "Kelly",
        "Griffin", "Bailey", "Carter", "Collins", "Bennett", "Shaw", "Lloyd", "Marshall", "Owen", "Chapman", "Ellis",
        "Webb", "Holmes", "Mills", "Hunt", "Palmer", "Richardson", "Fisher", "Reynolds", "Fletcher", "Lawrence",
        "Gibson", "Grant", "Knight", "Spencer", "Pearson", "Dixon", "Burton", "Fox", "Lamb", "Hart", "Harvey", "Kaur",
        "Singh", "Hussain", "Begum", "Ahmed", "Ali", "Nowak", "Kowalczyk", "Okoro", "Mensah", "Nguyen", "Chen",
        "Sharma", "Gill", "Rahman", "Ibrahim", "Hassan", "Osman", "Ferreira", "Costa", "Rossi", "Novak", "Horvath",
        "Ivanova", "Popa", "Fitzgerald", "O'Neill", "McLaughlin", "MacKenzie", "Doherty", "Gallagher", "Brennan",
        "Sheridan", "Whitfield", "Ashcroft", "Blackwell", "Cartwright", "Dunmore", "Eastwood", "Fairbairn", "Goodall",
        "Hargreaves", "Illingworth", "Jessop", "Kershaw", "Lockwood", "Merriman", "Northcott", "Oakley", "Pemberton",
        "Quayle", "Rushton", "Stainton", "Thwaite", "Underhill", "Venables", "Wainwright", "Yardley", "Ackroyd",
    ];

    /// <summary>Towns with the outward codes of their postcodes.</summary>
    private static readonly (string Town, string[] Outward)[] Towns =
    [
        ("Cardiff", ["CF10", "CF11", "CF14", "CF23", "CF24"]), ("Swansea", ["SA1", "SA2", "SA5", "SA6"]),
        ("Newport", ["NP19", "NP20"]), ("Wrexham", ["LL11", "LL12", "LL13"]), ("Bridgend", ["CF31", "CF32"]),
        ("Llanelli", ["SA14", "SA15"]), ("Barry", ["CF62", "CF63"]), ("Caerphilly", ["CF83"]), ("Merthyr Tydfil", ["CF47", "CF48"]),
        ("Aberystwyth", ["SY23"]), ("Bangor", ["LL57"]), ("Rhyl", ["LL18"]), ("Pontypridd", ["CF37"]), ("Neath", ["SA10", "SA11"]),
        ("Bristol", ["BS1", "BS3", "BS5", "BS7"]), ("Gloucester", ["GL1", "GL2"]), ("Hereford", ["HR1", "HR2"]),
        ("Shrewsbury", ["SY1", "SY3"]), ("Chester", ["CH1", "CH2"]), ("Birmingham", ["B5", "B11", "B29"]),
    ];

    private static readonly string[] Streets =
    [
        "High", "Church", "Station", "Park", "Victoria", "Mill", "Queen", "King", "New", "Main", "Green", "Bridge",
        "Castle", "Chapel", "School", "Heol y Parc", "Oak", "Elm", "Meadow", "Brook", "Windsor", "Albert", "Cae Glas",
    ];

    private static readonly (string Long, string Short)[] StreetTypes =
    [
        ("Street", "St"), ("Road", "Rd"), ("Avenue", "Ave"), ("Lane", "Ln"), ("Close", "Cl"), ("Drive", "Dr"), ("Crescent", "Cres"),
    ];

    private static readonly string[] EmailDomains = ["gmail.com", "hotmail.co.uk", "outlook.com", "yahoo.co.uk", "icloud.com", "btinternet.com"];

    /// <summary>QWERTY rows: a keyboard slip takes a key beside it in the row or above or below it in the column.</summary>
    private static readonly string[] KeyboardRows = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];

    /// <summary>GeCo's optical look-alikes (ocr-variations), both directions.</summary>
    private static readonly (string From, string To)[] OcrVariations =
    [
        ("m", "rn"), ("rn", "m"), ("d", "cl"), ("cl", "d"), ("w", "vv"), ("vv", "w"), ("h", "b"), ("b", "h"), ("u", "v"),
        ("v", "u"), ("g", "q"), ("q", "g"), ("e", "c"), ("c", "e"), ("a", "o"), ("o", "a"), ("n", "h"), ("i", "l"),
        ("l", "i"), ("li", "h"), ("0", "o"), ("o", "0"), ("1", "l"), ("l", "1"), ("5", "s"), ("s", "5"), ("8", "b"),
        ("6", "g"), ("2", "z"), ("z", "2"), ("7", "1"), ("3", "8"),
    ];

    /// <summary>Phonetic variations in the style of GeCo's table (after Lait and Randell): a spelling heard, not read.</summary>
    private static readonly (string From, string To)[] PhoneticVariations =
    [
        ("ph", "f"), ("f", "ph"), ("ck", "k"), ("k", "ck"), ("c", "k"), ("k", "c"), ("gh", "g"), ("ie", "y"), ("y", "ie"),
        ("y", "i"), ("i", "y"), ("ee", "ea"), ("ea", "ee"), ("ou", "ow"), ("th", "t"), ("ll", "l"), ("l", "ll"), ("nn", "n"),
        ("n", "nn"), ("tt", "t"), ("t", "tt"), ("ss", "s"), ("s", "ss"), ("wr", "r"), ("kn", "n"), ("ai", "ay"), ("ay", "ai"),
        ("ey", "y"), ("ae", "e"), ("z", "s"), ("s", "z"), ("x", "ks"), ("qu", "kw"), ("ch", "sh"), ("er", "a"), ("our", "or"),
    ];

    /// <summary>The <see cref="LabelledRecord.Source"/> of an original record.</summary>
    public const string OriginalSource = "original";

    /// <summary>The <see cref="LabelledRecord.Source"/> of a corrupted duplicate.</summary>
    public const string DuplicateSource = "duplicate";

    /// <summary>The CSV columns, in order.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
    [
        "record_id", "person_id", "given_name", "surname", "date_of_birth", "gender", "house_number", "street", "town",
        "postcode", "email", "phone", "nhs_number",
    ];

    /// <summary>Generates rows as the options say.</summary>
    public static GecoPopulation Generate(GecoReferralOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxDuplicatesPerOriginal);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxModificationsPerRecord);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxModificationsPerAttribute);
        return new Generator(options).Run();
    }

    /// <summary>A row's values in <see cref="CsvColumns"/> order.</summary>
    public static IReadOnlyList<string> CsvFields(LabelledRecord row, GecoContact contact)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(contact);
        var r = row.Record;
        return
        [
            row.RecordId, row.PersonId, r.GivenName ?? string.Empty, r.FamilyName ?? string.Empty,
            r.DateOfBirth?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? string.Empty,
            r.Sex switch { Sex.Female => "f", Sex.Male => "m", _ => string.Empty },
            contact.HouseNumber, contact.Street, contact.Town, r.Postcode ?? string.Empty, contact.Email, contact.Phone,
            r.NhsNumber ?? string.Empty,
        ];
    }

    /// <summary>A row before it is written as a record: every attribute as text, so any corruptor applies to any of them.</summary>
    private sealed class Row
    {
        public string Given { get; set; } = string.Empty;

        public string Surname { get; set; } = string.Empty;

        public string Birth { get; set; } = string.Empty;

        public string Gender { get; set; } = string.Empty;

        public string HouseNumber { get; set; } = string.Empty;

        public string Street { get; set; } = string.Empty;

        public string Town { get; set; } = string.Empty;

        public string Postcode { get; set; } = string.Empty;

        public string Email { get; set; } = string.Empty;

        public string Phone { get; set; } = string.Empty;

        public string Nhs { get; set; } = string.Empty;

        public string School { get; set; } = string.Empty;

        /// <summary>The parents' or carers' names, "; " between them.</summary>
        public string Carers { get; set; } = string.Empty;

        public Row Copy() => (Row)MemberwiseClone();
    }

    private enum Attribute
    {
        Given,
        Surname,
        Birth,
        Gender,
        Address,
        Postcode,
        Email,
        Phone,
        Nhs,
        School,
        Carers,
    }

    private enum Corruptor
    {
        Keyboard,
        Ocr,
        Phonetic,
        Edit,
        Missing,
        Replace,
        SwapDayMonth,
        SwapNames,
    }

    private sealed class Generator(GecoReferralOptions options)
    {
        /// <summary>Attribute selection weights (GeCo's attribute modification probabilities).</summary>
        private static readonly (Attribute Attribute, double Weight)[] AttributeWeights =
        [
            (Attribute.Given, 0.2), (Attribute.Surname, 0.2), (Attribute.Birth, 0.15), (Attribute.Gender, 0.05),
            (Attribute.Address, 0.1), (Attribute.Postcode, 0.1), (Attribute.Email, 0.07), (Attribute.Phone, 0.06),
            (Attribute.Nhs, 0.07),
        ];

        /// <summary>With households, the school and the carers too, weighed like the other contact details (GeCo has no such attributes).</summary>
        private static readonly (Attribute Attribute, double Weight)[] HouseholdAttributeWeights =
            [.. AttributeWeights, (Attribute.School, 0.05), (Attribute.Carers, 0.05)];

        private readonly Random _random = new(options.Seed);
        private readonly double[] _familyCumulative = Cumulative(Family.Length, 8);
        private readonly double[] _givenCumulative = Cumulative(GivenFemale.Length, 5);
        private readonly List<SyntheticPerson> _people = [];

        public GecoPopulation Run()
        {
            var rows = new List<(string PersonId, string FamilyId, bool Original, Row Row)>(options.Count);
            using var children = Children().GetEnumerator();
            while (rows.Count < options.Count && children.MoveNext())
            {
                var (personId, familyId, original) = children.Current;
                rows.Add((personId, familyId, true, original));
                if (_random.NextDouble() < options.DuplicatedShare)
                {
                    var duplicates = Duplicates();
                    for (var d = 0; d < duplicates && rows.Count < options.Count; d++)
                    {
                        rows.Add((personId, familyId, false, Duplicate(original)));
                    }
                }
            }

            // Shuffled (Fisher-Yates), so a person's rows are not next to each other.
            var order = rows.ToArray();
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = _random.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }

            var records = new List<LabelledRecord>(order.Length);
            var contacts = new List<GecoContact>(order.Length);
            for (var i = 0; i < order.Length; i++)
            {
                var (personId, familyId, isOriginal, row) = order[i];
                var id = new Guid(i + 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
                var record = new PersonRecord(
                    id,
                    Blank(row.Given),
                    Blank(row.Surname),
                    DateOfBirth: ParseDate(row.Birth),
                    Sex: row.Gender switch { "f" => Sex.Female, "m" => Sex.Male, _ => Sex.NotKnown },
                    Postcode: Blank(row.Postcode),
                    NhsNumber: Blank(row.Nhs),
                    Email: Blank(row.Email),
                    Phone: Blank(row.Phone),
                    Town: Blank(row.Town));
                if (options.Households is { RecordHomeParts: true })
                {
                    // The home address as parts, the school and the carers: what brothers and sisters share.
                    record = record with
                    {
                        HouseNumber = Blank(row.HouseNumber),
                        Street = Blank(row.Street),
                        School = Blank(row.School),
                        Carers = row.Carers.Length == 0 ? null : row.Carers.Split("; ", StringSplitOptions.RemoveEmptyEntries),
                    };
                }

                records.Add(new LabelledRecord(string.Create(CultureInfo.InvariantCulture, $"G{i + 1:0000000}"), personId, familyId, isOriginal ? OriginalSource : DuplicateSource, record));
                contacts.Add(new GecoContact(row.HouseNumber, row.Street, row.Town, row.Email, row.Phone));
            }

            return new GecoPopulation(new SyntheticPopulation(_people, records), contacts);
        }

        private static string? Blank(string value) => value.Length == 0 ? null : value;

        private static DateOnly? ParseDate(string value) =>
            DateOnly.TryParseExact(value, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

        /// <summary>Cumulative Zipf-like weights 1/(rank + offset).</summary>
        private static double[] Cumulative(int count, int offset)
        {
            var cumulative = new double[count];
            var total = 0.0;
            for (var i = 0; i < count; i++)
            {
                total += 1.0 / (i + offset);
                cumulative[i] = total;
            }

            return cumulative;
        }

        private int Pick(double[] cumulative)
        {
            var at = Array.BinarySearch(cumulative, _random.NextDouble() * cumulative[^1]);
            return Math.Min(at < 0 ? ~at : at, cumulative.Length - 1);
        }

        /// <summary>The original records, one a child, in the order drawn (duplicates are drawn between them).</summary>
        private IEnumerable<(string PersonId, string FamilyId, Row Row)> Children()
        {
            var person = 0;
            if (options.Households is not { } households)
            {
                while (true)
                {
                    person++;
                    var personId = string.Create(CultureInfo.InvariantCulture, $"G{person:000000}");
                    yield return (personId, personId, Original(personId));
                }
            }

            // A household has a sibling group with the probability that makes SiblingShare of the children have a brother
            // or sister: h * mean / (h * mean + 1 - h) = share.
            var sizes = households.GroupSizeWeights;
            var mean = sizes.Select((w, i) => w * (i + 2)).Sum() / sizes.Sum();
            var groupShare = households.SiblingShare / (mean - households.SiblingShare * (mean - 1));
            var sizeCumulative = new double[sizes.Count];
            for (var i = 0; i < sizes.Count; i++)
            {
                sizeCumulative[i] = (i == 0 ? 0 : sizeCumulative[i - 1]) + sizes[i];
            }

            var household = 0;
            while (true)
            {
                household++;
                var familyId = string.Create(CultureInfo.InvariantCulture, $"H{household:000000}");
                var size = _random.NextDouble() < groupShare ? 2 + Pick(sizeCumulative) : 1;
                foreach (var (personId, row) in Household(familyId, size, households, () => string.Create(CultureInfo.InvariantCulture, $"G{++person:000000}")))
                {
                    yield return (personId, familyId, row);
                }
            }
        }

        /// <summary>
        /// One household's children: one home (address, parents or carers, their phone and e-mail), a family name, and
        /// children born a maternity at a time (some maternities twins), each with their own given name, date of birth,
        /// sex and identifier.
        /// </summary>
        private List<(string PersonId, Row Row)> Household(string familyId, int size, GecoHouseholdOptions households, Func<string> nextId)
        {
            var surname = Family[Pick(_familyCumulative)];
            var (town, outwards) = Towns[_random.Next(Towns.Length)];
            var postcode = Postcode(outwards);
            var (longType, _) = StreetTypes[_random.Next(StreetTypes.Length)];
            var houseNumber = (1 + _random.Next(180)).ToString(CultureInfo.InvariantCulture);
            var street = $"{Streets[_random.Next(Streets.Length)]} {longType}";
            var mother = GivenFemale[_random.Next(GivenFemale.Length)];
            var carers = _random.NextDouble() < households.LoneCarerShare
                ? $"{mother} {surname}"
                : $"{mother} {surname}; {GivenMale[_random.Next(GivenMale.Length)]} {(_random.NextDouble() < 0.8 ? surname : Family[Pick(_familyCumulative)])}";
            var homePhone = _random.NextDouble() < 0.7
                ? Mobile()
                : string.Empty;
            var homeEmail = Email(mother, surname);

            // Schools: each household's town has its own primary and secondary schools; brothers and sisters at the same
            // stage mostly go to the same one.
            var schools = new Dictionary<bool, string>();
            string School(DateOnly birth)
            {
                var primary = birth >= new DateOnly(2015, 9, 1); // under 11 on the set's reference date, 1 September 2026
                if (!schools.TryGetValue(primary, out var school) || _random.NextDouble() >= households.SameSchoolShare)
                {
                    school = primary
                        ? $"{Streets[_random.Next(Streets.Length)]} {(_random.Next(2) == 0 ? "Primary School" : "Ysgol Gynradd")}"
                        : $"{town} {(_random.Next(2) == 0 ? "High School" : "Academy")}";
                    schools.TryAdd(primary, school);
                }

                return school;
            }

            var children = new List<(string PersonId, Row Row)>(size + 1);
            var given = new HashSet<string>(StringComparer.Ordinal);
            var birth = new DateOnly(2008, 1, 1).AddDays(_random.Next(3650));
            while (children.Count < size)
            {
                // Any maternity of a sibling group may be twins, the last one too (the group is then one larger), so
                // that twins are TwinMaternityShare of its maternities.
                var twins = size > 1 && _random.NextDouble() < households.TwinMaternityShare;
                var female = _random.Next(2) == 0;
                for (var t = 0; t < (twins ? 2 : 1); t++)
                {
                    if (t == 1 && _random.NextDouble() >= households.TwinSameSexShare)
                    {
                        female = !female; // a brother and a sister born together
                    }

                    // Parents do not give two of their children one name.
                    string name;
                    do
                    {
                        name = (female ? GivenFemale : GivenMale)[Pick(_givenCumulative)];
                    }
                    while (!given.Add(name));

                    var family = children.Count > 0 && !twins && _random.NextDouble() < households.OtherFamilyNameShare
                        ? Family[Pick(_familyCumulative)]
                        : surname;
                    var personId = nextId();
                    var nhs = _random.NextDouble() < options.IdentifierMissingShare ? string.Empty : SyntheticReferrals.NewNhsNumber(_random);
                    var row = new Row
                    {
                        Given = name,
                        Surname = family,
                        Birth = birth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                        Gender = female ? "f" : "m",
                        HouseNumber = houseNumber,
                        Street = street,
                        Town = town,
                        Postcode = postcode,
                        Email = _random.NextDouble() < households.SharedEmailShare
                            ? homeEmail
                            : _random.NextDouble() < 0.6
                                ? Email(name, family)
                                : string.Empty,
                        Phone = homePhone.Length > 0 && _random.NextDouble() < households.SharedPhoneShare
                            ? homePhone
                            : _random.NextDouble() < 0.7
                                ? Mobile()
                                : string.Empty,
                        Nhs = nhs,
                        School = _random.NextDouble() < households.SchoolRecordedShare ? School(birth) : string.Empty,
                        Carers = carers,
                    };
                    _people.Add(new SyntheticPerson(
                        personId,
                        familyId,
                        name,
                        null,
                        null,
                        family,
                        birth,
                        female ? Sex.Female : Sex.Male,
                        [postcode],
                        nhs,
                        string.Empty,
                        null,
                        twins ? SyntheticRelation.Twin : size > 1 ? SyntheticRelation.Sibling : SyntheticRelation.None,
                        null));
                    children.Add((personId, row));
                }

                // The next maternity 15 to 60 months later.
                birth = birth.AddMonths(15 + _random.Next(46)).AddDays(_random.Next(-14, 15));
            }

            return children;
        }

        /// <summary>A postcode in one of a town's outward codes.</summary>
        private string Postcode(string[] outwards) => string.Create(
            CultureInfo.InvariantCulture,
            $"{outwards[_random.Next(outwards.Length)]} {1 + _random.Next(9)}{"ABDEFGHJLNPQRSTUWXYZ"[_random.Next(20)]}{"ABDEFGHJLNPQRSTUWXYZ"[_random.Next(20)]}");

        private string Mobile() => string.Create(CultureInfo.InvariantCulture, $"07{_random.Next(100, 1000)} {_random.Next(100_000, 1_000_000)}");

        private string Email(string given, string surname) => string.Create(
            CultureInfo.InvariantCulture,
            $"{given.ToLowerInvariant()}.{surname.ToLowerInvariant().Replace("'", string.Empty, StringComparison.Ordinal)}{_random.Next(100)}@{EmailDomains[_random.Next(EmailDomains.Length)]}");

        private Row Original(string personId)
        {
            var female = _random.Next(2) == 0;
            var given = (female ? GivenFemale : GivenMale)[Pick(_givenCumulative)];
            var surname = Family[Pick(_familyCumulative)];
            var birth = new DateOnly(2008, 1, 1).AddDays(_random.Next(3650));
            var (town, outwards) = Towns[_random.Next(Towns.Length)];
            var postcode = Postcode(outwards);
            var (longType, _) = StreetTypes[_random.Next(StreetTypes.Length)];
            var nhs = _random.NextDouble() < options.IdentifierMissingShare ? string.Empty : SyntheticReferrals.NewNhsNumber(_random);
            var row = new Row
            {
                Given = given,
                Surname = surname,
                Birth = birth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                Gender = female ? "f" : "m",
                HouseNumber = (1 + _random.Next(180)).ToString(CultureInfo.InvariantCulture),
                Street = $"{Streets[_random.Next(Streets.Length)]} {longType}",
                Town = town,
                Postcode = postcode,
                Email = _random.NextDouble() < 0.6
                    ? Email(given, surname)
                    : string.Empty,
                Phone = _random.NextDouble() < 0.7
                    ? Mobile()
                    : string.Empty,
                Nhs = nhs,
            };
            _people.Add(new SyntheticPerson(
                personId,
                personId,
                given,
                null,
                null,
                surname,
                birth,
                female ? Sex.Female : Sex.Male,
                [postcode],
                nhs,
                string.Empty,
                null,
                SyntheticRelation.None,
                null));
            return row;
        }

        private int Duplicates()
        {
            var max = options.MaxDuplicatesPerOriginal;
            switch (options.Distribution)
            {
                case DuplicateDistribution.Uniform:
                    return 1 + _random.Next(max);
                case DuplicateDistribution.Poisson:
                    // Knuth's method for Poisson(1), plus one so every duplicated original has a duplicate.
                    var limit = Math.Exp(-1);
                    var k = 0;
                    var p = _random.NextDouble();
                    while (p > limit)
                    {
                        k++;
                        p *= _random.NextDouble();
                    }

                    return Math.Min(1 + k, max);
                default:
                    return 1 + Pick(Cumulative(max, 1));
            }
        }

        private Row Duplicate(Row original)
        {
            var row = original.Copy();
            var modifications = 1 + _random.Next(options.MaxModificationsPerRecord);
            var chosen = new HashSet<Attribute>();
            var weights = options.Households is null ? AttributeWeights : HouseholdAttributeWeights;
            var total = weights.Sum(a => a.Weight);
            while (chosen.Count < modifications)
            {
                var roll = _random.NextDouble() * total;
                foreach (var (attribute, weight) in weights)
                {
                    roll -= weight;
                    if (roll <= 0)
                    {
                        chosen.Add(attribute);
                        break;
                    }
                }
            }

            foreach (var attribute in chosen.Order())
            {
                var times = 1 + _random.Next(options.MaxModificationsPerAttribute);
                for (var t = 0; t < times; t++)
                {
                    Corrupt(row, attribute);
                }
            }

            return row;
        }

        private void Corrupt(Row row, Attribute attribute)
        {
            switch (attribute)
            {
                case Attribute.Given:
                    var given = Choose((Corruptor.Keyboard, 0.2), (Corruptor.Ocr, 0.1), (Corruptor.Phonetic, 0.25), (Corruptor.Edit, 0.2), (Corruptor.Missing, 0.1), (Corruptor.SwapNames, 0.15));
                    if (given == Corruptor.SwapNames)
                    {
                        (row.Given, row.Surname) = (row.Surname, row.Given);
                    }
                    else
                    {
                        row.Given = Text(row.Given, given);
                    }

                    break;
                case Attribute.Surname:
                    row.Surname = Text(row.Surname, Choose((Corruptor.Keyboard, 0.2), (Corruptor.Ocr, 0.15), (Corruptor.Phonetic, 0.3), (Corruptor.Edit, 0.25), (Corruptor.Missing, 0.1)));
                    break;
                case Attribute.Birth:
                    var birth = Choose((Corruptor.Keyboard, 0.3), (Corruptor.Ocr, 0.15), (Corruptor.Edit, 0.15), (Corruptor.Missing, 0.15), (Corruptor.SwapDayMonth, 0.25));
                    if (birth == Corruptor.SwapDayMonth && row.Birth.Length == 10)
                    {
                        row.Birth = string.Concat(row.Birth.AsSpan(3, 2), "/", row.Birth.AsSpan(0, 2), row.Birth.AsSpan(5));
                    }
                    else if (birth != Corruptor.SwapDayMonth)
                    {
                        // A slip in a date's digits only: the separators stay, so the value is still read as a date when it can be.
                        row.Birth = birth == Corruptor.Missing ? string.Empty : Digits(row.Birth, birth);
                    }

                    break;
                case Attribute.Gender:
                    row.Gender = Choose((Corruptor.Missing, 0.5), (Corruptor.Replace, 0.5)) == Corruptor.Missing
                        ? string.Empty
                        : row.Gender == "f" ? "m" : "f";
                    break;
                case Attribute.Address:
                    switch (_random.Next(4))
                    {
                        case 0:
                            row.HouseNumber = Digits(row.HouseNumber, Corruptor.Keyboard);
                            break;
                        case 1:
                            var type = StreetTypes.FirstOrDefault(t => row.Street.EndsWith(" " + t.Long, StringComparison.Ordinal));
                            row.Street = type.Long is null ? Text(row.Street, Corruptor.Edit) : row.Street[..^type.Long.Length] + type.Short;
                            break;
                        case 2:
                            row.Town = Text(row.Town, Choose((Corruptor.Keyboard, 0.4), (Corruptor.Phonetic, 0.3), (Corruptor.Missing, 0.3)));
                            break;
                        default:
                            row.Street = Text(row.Street, Corruptor.Keyboard);
                            break;
                    }

                    break;
                case Attribute.Postcode:
                    var postcode = Choose((Corruptor.Keyboard, 0.3), (Corruptor.Ocr, 0.3), (Corruptor.Missing, 0.3), (Corruptor.Edit, 0.1));
                    row.Postcode = postcode == Corruptor.Missing ? string.Empty : Text(row.Postcode.ToLowerInvariant(), postcode).ToUpperInvariant();
                    break;
                case Attribute.Email:
                    row.Email = Text(row.Email, Choose((Corruptor.Keyboard, 0.4), (Corruptor.Edit, 0.3), (Corruptor.Missing, 0.3)));
                    break;
                case Attribute.Phone:
                    var phone = Choose((Corruptor.Keyboard, 0.4), (Corruptor.Missing, 0.3), (Corruptor.Replace, 0.3));
                    row.Phone = phone switch
                    {
                        Corruptor.Missing => string.Empty,
                        Corruptor.Replace when row.Phone.StartsWith('0') => "+44 " + row.Phone[1..], // the same number, written another way
                        _ => Digits(row.Phone, Corruptor.Keyboard),
                    };
                    break;
                case Attribute.Nhs:
                    var nhs = Choose((Corruptor.Keyboard, 0.35), (Corruptor.Ocr, 0.15), (Corruptor.Missing, 0.3), (Corruptor.Replace, 0.2));
                    row.Nhs = nhs switch
                    {
                        Corruptor.Missing => string.Empty,
                        Corruptor.Replace => SyntheticReferrals.NewNhsNumber(_random),
                        _ => Digits(row.Nhs, nhs),
                    };
                    break;
                case Attribute.School:
                    row.School = Text(row.School, Choose((Corruptor.Keyboard, 0.3), (Corruptor.Edit, 0.3), (Corruptor.Missing, 0.4)));
                    break;
                case Attribute.Carers:
                    var carers = row.Carers.Split("; ", StringSplitOptions.RemoveEmptyEntries);
                    var carer = Choose((Corruptor.Keyboard, 0.25), (Corruptor.Phonetic, 0.25), (Corruptor.Missing, 0.3), (Corruptor.Replace, 0.2));
                    if (carer == Corruptor.Replace || (carer == Corruptor.Missing && carers.Length > 1 && _random.Next(2) == 0))
                    {
                        // One parent or carer named, not both (or the other one, when only one was).
                        row.Carers = carers.Length > 1 ? carers[_random.Next(carers.Length)] : string.Empty;
                    }
                    else if (carer == Corruptor.Missing || carers.Length == 0)
                    {
                        row.Carers = string.Empty;
                    }
                    else
                    {
                        var which = _random.Next(carers.Length);
                        carers[which] = Text(carers[which], carer);
                        row.Carers = string.Join("; ", carers.Where(c => c.Length > 0));
                    }

                    break;
            }
        }

        private Corruptor Choose(params (Corruptor Corruptor, double Weight)[] choices)
        {
            var roll = _random.NextDouble() * choices.Sum(c => c.Weight);
            foreach (var (corruptor, weight) in choices)
            {
                roll -= weight;
                if (roll <= 0)
                {
                    return corruptor;
                }
            }

            return choices[^1].Corruptor;
        }

        /// <summary>One corruption of a text value; the case of the first letter is kept as written.</summary>
        private string Text(string value, Corruptor corruptor)
        {
            if (value.Length == 0 || corruptor == Corruptor.Missing)
            {
                return string.Empty;
            }

            var capital = char.IsUpper(value[0]);
            var lower = value.ToLowerInvariant();
            var result = corruptor switch
            {
                Corruptor.Keyboard => Keyboard(lower),
                Corruptor.Ocr => Variation(lower, OcrVariations) ?? Edit(lower),
                Corruptor.Phonetic => Variation(lower, PhoneticVariations) ?? Keyboard(lower),
                _ => Edit(lower),
            };
            return capital && result.Length > 0 ? char.ToUpperInvariant(result[0]) + result[1..] : result;
        }

        /// <summary>A slip in one digit of a value (keyboard neighbour or OCR look-alike); other characters are kept.</summary>
        private string Digits(string value, Corruptor corruptor)
        {
            var positions = Enumerable.Range(0, value.Length).Where(i => char.IsAsciiDigit(value[i])).ToList();
            if (positions.Count == 0)
            {
                return value;
            }

            var at = positions[_random.Next(positions.Count)];
            var digit = value[at];
            var replacement = corruptor == Corruptor.Ocr
                ? OcrVariations.Where(v => v.From.Length == 1 && v.From[0] == digit && char.IsAsciiDigit(v.To[0])).Select(v => v.To[0]).DefaultIfEmpty(digit).First()
                : Neighbour(digit);
            if (replacement == digit)
            {
                // No look-alike digit: swap with the next digit instead (a transposition, the commonest digit slip).
                var next = positions.FirstOrDefault(p => p > at, -1);
                if (next == at + 1)
                {
                    return string.Concat(value.AsSpan(0, at), value[next].ToString(), digit.ToString(), value.AsSpan(next + 1));
                }

                replacement = Neighbour(digit);
            }

            return string.Concat(value.AsSpan(0, at), replacement.ToString(), value.AsSpan(at + 1));
        }

        private string Keyboard(string value)
        {
            var letters = Enumerable.Range(0, value.Length).Where(i => char.IsAsciiLetterOrDigit(value[i])).ToList();
            if (letters.Count == 0)
            {
                return value;
            }

            var at = letters[_random.Next(letters.Count)];
            return string.Concat(value.AsSpan(0, at), Neighbour(value[at]).ToString(), value.AsSpan(at + 1));
        }

        /// <summary>A key beside <paramref name="key"/> in its row (two thirds) or above or below it.</summary>
        private char Neighbour(char key)
        {
            var row = Array.FindIndex(KeyboardRows, r => r.Contains(key, StringComparison.Ordinal));
            if (row < 0)
            {
                return key;
            }

            var column = KeyboardRows[row].IndexOf(key, StringComparison.Ordinal);
            var options = new List<char>();
            if (_random.NextDouble() < 2.0 / 3)
            {
                if (column > 0)
                {
                    options.Add(KeyboardRows[row][column - 1]);
                }

                if (column < KeyboardRows[row].Length - 1)
                {
                    options.Add(KeyboardRows[row][column + 1]);
                }
            }

            if (options.Count == 0)
            {
                foreach (var other in new[] { row - 1, row + 1 })
                {
                    if (other >= 0 && other < KeyboardRows.Length && column < KeyboardRows[other].Length)
                    {
                        options.Add(KeyboardRows[other][column]);
                    }
                }
            }

            return options.Count == 0 ? key : options[_random.Next(options.Count)];
        }

        /// <summary>One variation of a table applied at one place it fits, chosen at random; null when none fits.</summary>
        private string? Variation(string value, (string From, string To)[] table)
        {
            var fits = new List<(int At, string From, string To)>();
            foreach (var (from, to) in table)
            {
                for (var at = value.IndexOf(from, StringComparison.Ordinal); at >= 0; at = value.IndexOf(from, at + 1, StringComparison.Ordinal))
                {
                    fits.Add((at, from, to));
                }
            }

            if (fits.Count == 0)
            {
                return null;
            }

            var (position, f, t) = fits[_random.Next(fits.Count)];
            return string.Concat(value.AsSpan(0, position), t, value.AsSpan(position + f.Length));
        }

        /// <summary>FEBRL's edits: insert, delete, substitute or transpose one character at a uniformly chosen position.</summary>
        private string Edit(string value)
        {
            var text = new StringBuilder(value);
            var at = _random.Next(value.Length);
            switch (_random.Next(4))
            {
                case 0:
                    text.Insert(at, (char)('a' + _random.Next(26)));
                    break;
                case 1 when value.Length > 1:
                    text.Remove(at, 1);
                    break;
                case 2:
                    text[at] = (char)('a' + _random.Next(26));
                    break;
                default:
                    if (at < value.Length - 1)
                    {
                        (text[at], text[at + 1]) = (text[at + 1], text[at]);
                    }
                    else
                    {
                        text.Insert(at, (char)('a' + _random.Next(26)));
                    }

                    break;
            }

            return text.ToString();
        }
    }
}
