using System.Globalization;
using System.Text;
using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Tools.Evaluation;

/// <summary>
/// Generates labelled referral rows about fictional children aged 8 to 17 in Wales, for measuring matching: each row
/// carries the true person id. Deterministic for a seed. Children come in households (twins, brothers and sisters
/// at the same address) and some unrelated children share common names and a date of birth; each child has one to
/// six referrals from different sources, each written with the slips real referrals have (nicknames and
/// Welsh/English forms, typing errors, swapped or mistyped dates, house moves, double-barrelled names written three
/// ways, missing fields, identifiers on some rows only). See Matching/README.md for the rates.
/// </summary>
public static class SyntheticReferrals
{
    /// <summary>The date format of the <c>dob</c> column.</summary>
    public const string DateFormat = "dd/MM/yyyy";

    /// <summary>A mapping (see <see cref="ColumnMapping"/>) for the CSV that <see cref="CsvFields"/> writes.</summary>
    public const string CsvMapping = """
        {
          "id": "record_id",
          "givenName": "first_name",
          "familyName": "last_name",
          "preferredName": "known_as",
          "dateOfBirth": { "column": "dob", "format": "dd/MM/yyyy" },
          "sex": { "column": "sex", "values": { "F": "Female", "M": "Male" } },
          "postcode": "postcode",
          "nhsNumber": "nhs_number",
          "upn": "upn",
          "pncId": "pnc_id"
        }
        """;

    /// <summary>The columns of the generated CSV, in order.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
    [
        "record_id", "person_id", "family_id", "source", "first_name", "last_name", "known_as", "dob", "sex", "postcode",
        "nhs_number", "upn", "pnc_id",
    ];

    /// <summary>Generates <paramref name="count"/> rows from <paramref name="seed"/> with the default rates.</summary>
    public static SyntheticPopulation Generate(int count, int seed) =>
        Generate(new SyntheticReferralOptions { Count = count, Seed = seed });

    /// <summary>Generates rows as the options say.</summary>
    public static SyntheticPopulation Generate(SyntheticReferralOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Count);
        return new Generator(options, new Random(options.Seed)).Run();
    }

    /// <summary>
    /// One more referral about a generated child, from a random source at the child's latest address, written with
    /// the same kinds and rates of error as the generated rows (for searching a population built from the others).
    /// </summary>
    public static PersonRecord WriteReferral(SyntheticPerson person, Guid id, Random random)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(random);
        return new Generator(new SyntheticReferralOptions(), random).WriteOne(person, id);
    }

    /// <summary>A row's values in <see cref="CsvColumns"/> order; missing values are empty strings.</summary>
    public static IReadOnlyList<string> CsvFields(LabelledRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var record = row.Record;
        return
        [
            row.RecordId,
            row.PersonId,
            row.FamilyId,
            row.Source,
            record.GivenName ?? string.Empty,
            record.FamilyName ?? string.Empty,
            record.PreferredName ?? string.Empty,
            record.DateOfBirth?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? string.Empty,
            record.Sex switch { Sex.Female => "F", Sex.Male => "M", _ => string.Empty },
            record.Postcode ?? string.Empty,
            record.NhsNumber ?? string.Empty,
            record.UniquePupilNumber ?? string.Empty,
            record.PncId ?? string.Empty,
        ];
    }

    /// <summary>A valid NHS number (ten digits, modulus 11 check digit), starting 4, 6 or 7 as those issued in England and Wales do.</summary>
    public static string NewNhsNumber(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        while (true)
        {
            var digits = new int[10];
            digits[0] = random.Next(3) switch { 0 => 4, 1 => 6, _ => 7 };
            var sum = digits[0] * 10;
            for (var i = 1; i < 9; i++)
            {
                digits[i] = random.Next(10);
                sum += digits[i] * (10 - i);
            }

            var check = 11 - (sum % 11);
            if (check == 10)
            {
                continue;
            }

            digits[9] = check == 11 ? 0 : check;
            return string.Concat(digits.Select(d => (char)('0' + d)));
        }
    }

    /// <summary>
    /// A valid unique pupil number: the DfE check letter, a Welsh local authority number (660 to 681), a four-digit
    /// establishment number, the two-digit year of issue and a three-digit serial.
    /// </summary>
    public static string NewUniquePupilNumber(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        const string alphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";
        var body = string.Create(
            CultureInfo.InvariantCulture,
            $"{660 + random.Next(22)}{random.Next(1000, 10000)}{random.Next(12, 27):00}{random.Next(1000):000}");
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (body[i] - '0') * (i + 2);
        }

        return alphabet[sum % 23] + body;
    }

    /// <summary>A valid PNC ID, "YY/NNNNNNNL": year of issue, serial and check letter ((YY × 10⁷ + serial) mod 23).</summary>
    public static string NewPncId(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        const string alphabet = "ZABCDEFGHJKLMNPQRTUVWXY";
        var year = random.Next(18, 27);
        var serial = random.Next(1, 1_000_000);
        var check = alphabet[(int)((((long)year * 10_000_000) + serial) % 23)];
        return string.Create(CultureInfo.InvariantCulture, $"{year:00}/{serial:0000000}{check}");
    }

    /// <summary>The generator's state: one seeded <see cref="Random"/> drawn from in a fixed order.</summary>
    private sealed class Generator
    {
        private static readonly (ReferralSource Source, int Weight, SourceProfile Profile)[] Sources =
        [
            (ReferralSource.PoliceNeighbourhoodTeam, 18, new(0.95, 0.90, 0.03, 0.00, 0.60, 0.96, 0.30)),
            (ReferralSource.PoliceOutOfCourtDisposal, 10, new(0.99, 0.95, 0.05, 0.00, 0.95, 0.99, 0.30)),
            (ReferralSource.Mash, 12, new(0.95, 0.90, 0.45, 0.25, 0.20, 0.95, 0.40)),
            (ReferralSource.ChildrensSocialCare, 12, new(0.97, 0.92, 0.60, 0.35, 0.10, 0.97, 0.50)),
            (ReferralSource.Education, 20, new(0.98, 0.95, 0.05, 0.85, 0.00, 0.98, 0.40)),
            (ReferralSource.Health, 8, new(0.99, 0.95, 0.90, 0.02, 0.00, 0.99, 0.30)),
            (ReferralSource.Camhs, 6, new(0.99, 0.93, 0.85, 0.05, 0.00, 0.98, 0.50)),
            (ReferralSource.ChildOrFamily, 7, new(0.80, 0.80, 0.02, 0.02, 0.00, 0.85, 0.70)),
            (ReferralSource.Other, 7, new(0.85, 0.80, 0.10, 0.05, 0.00, 0.90, 0.40)),
        ];

        /// <summary>How many referrals a child has: 1 to 6, about 2.3 on average.</summary>
        private static readonly double[] ReferralCountWeights = [0.35, 0.30, 0.18, 0.10, 0.05, 0.02];

        /// <summary>Letters used in the last two places of a postcode (C, I, K, M, O and V never are).</summary>
        private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

        private readonly SyntheticReferralOptions _options;
        private readonly Random _random;
        private readonly WeightedPicker<string> _familyNames;
        private readonly WeightedPicker<string> _girls;
        private readonly WeightedPicker<string> _boys;
        private readonly WeightedPicker<string> _districts;
        private readonly WeightedPicker<int> _sources;
        private readonly WeightedPicker<int> _referralCounts;
        private readonly DateOnly _earliestBirth;
        private readonly int _birthSpanDays;
        private readonly List<SyntheticPerson> _people = [];
        private readonly List<(SyntheticPerson Person, ReferralSource Source, string Postcode)> _referrals = [];

        /// <summary>Children with a common given name (top 20) and family name (top 10): candidates for namesakes.</summary>
        private readonly List<SyntheticPerson> _commonlyNamed = [];
        private readonly HashSet<string> _commonGiven;
        private readonly HashSet<string> _commonFamily;

        public Generator(SyntheticReferralOptions options, Random random)
        {
            _options = options;
            _random = random;
            var tail = SyntheticNames.OtherFamilyNames;
            var commonTotal = SyntheticNames.CommonFamilyNames.Sum(n => n.Percent);
            var tailWeights = Enumerable.Range(0, tail.Length).Select(r => 1.0 / (r + 40)).ToArray();
            var tailScale = (100 - commonTotal) / tailWeights.Sum();
            _familyNames = new WeightedPicker<string>(
                SyntheticNames.CommonFamilyNames.Select(n => (n.Name, n.Percent))
                    .Concat(tail.Select((name, r) => (name, tailWeights[r] * tailScale))));
            _girls = Zipf(SyntheticNames.GirlsNames);
            _boys = Zipf(SyntheticNames.BoysNames);
            _districts = new WeightedPicker<string>(SyntheticNames.Districts.Select(d => (d.District, (double)d.Weight)));
            _sources = new WeightedPicker<int>(Sources.Select((s, i) => (i, (double)s.Weight)));
            _referralCounts = new WeightedPicker<int>(ReferralCountWeights.Select((w, i) => (i + 1, w)));
            _commonGiven = new HashSet<string>(
                SyntheticNames.GirlsNames.Take(20).Concat(SyntheticNames.BoysNames.Take(20)), StringComparer.Ordinal);
            _commonFamily = new HashSet<string>(SyntheticNames.CommonFamilyNames.Take(10).Select(n => n.Name), StringComparer.Ordinal);

            // Aged 8 to 17 on the reference date: born after the reference date 18 years earlier, on or before 8 years earlier.
            _earliestBirth = options.ReferenceDate.AddYears(-18).AddDays(1);
            _birthSpanDays = options.ReferenceDate.AddYears(-8).DayNumber - _earliestBirth.DayNumber + 1;
        }

        public SyntheticPopulation Run()
        {
            var family = 0;
            while (_referrals.Count < _options.Count)
            {
                family++;
                Household(string.Create(CultureInfo.InvariantCulture, $"F{family:000000}"));
            }

            // Shuffle (Fisher-Yates) so a child's referrals are not next to each other, then number the rows.
            var order = _referrals.Take(_options.Count).ToArray();
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = _random.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }

            var records = new List<LabelledRecord>(order.Length);
            for (var i = 0; i < order.Length; i++)
            {
                var (person, source, postcode) = order[i];
                var id = new Guid(i + 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
                var record = Write(person, Sources.First(s => s.Source == source).Profile, source, postcode, id);
                records.Add(new LabelledRecord(
                    string.Create(CultureInfo.InvariantCulture, $"R{i + 1:0000000}"),
                    person.PersonId,
                    person.FamilyId,
                    source.ToString(),
                    record));
            }

            return new SyntheticPopulation(_people, records);
        }

        public PersonRecord WriteOne(SyntheticPerson person, Guid id)
        {
            var (source, _, profile) = Sources[_sources.Pick(_random)];
            return Write(person, profile, source, person.Postcodes[^1], id);
        }

        private static WeightedPicker<string> Zipf(string[] names) =>
            new(names.Select((name, rank) => (name, 1.0 / (rank + 15))));

        private static string Capitalise(string key) =>
            string.Join('-', key.Split('-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

        private static string WithoutAccents(string value)
        {
            var decomposed = value.Normalize(NormalizationForm.FormD);
            var builder = new StringBuilder(decomposed.Length);
            foreach (var c in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                {
                    builder.Append(c);
                }
            }

            return builder.ToString().Normalize(NormalizationForm.FormC);
        }

        /// <summary>The other names the project's equivalence table gives for a name (Dai, Dewi, David... for Dafydd).</summary>
        private static List<string> EquivalentsOf(string name)
        {
            var key = NameNormaliser.GivenNameKey(name);
            var equivalents = new List<string>();
            foreach (var group in NameEquivalents.Groups)
            {
                if (group.Count > 1 && group.Contains(key))
                {
                    equivalents.AddRange(group.Where(g => g != key && !equivalents.Contains(Capitalise(g))).Select(Capitalise));
                }
            }

            return equivalents;
        }

        private bool Chance(double probability) => _random.NextDouble() < probability;

        private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];

        private void Household(string familyId)
        {
            var familyName = _familyNames.Pick(_random);
            if (Chance(0.04) && !familyName.Contains(' ', StringComparison.Ordinal) && !familyName.Contains('-', StringComparison.Ordinal))
            {
                // A double-barrelled name: two different family names joined with a hyphen.
                string second;
                do
                {
                    second = _familyNames.Pick(_random);
                }
                while (second == familyName || second.Contains(' ', StringComparison.Ordinal) || second.Contains('-', StringComparison.Ordinal));

                familyName = $"{familyName}-{second}";
            }

            var postcodes = Addresses();
            var roll = _random.NextDouble();
            if (roll < _options.TwinHouseholdShare)
            {
                var birth = BirthDate();
                var (firstSex, secondSex) = _random.Next(4) switch
                {
                    0 or 1 => (Sex.Female, Sex.Male),
                    2 => (Sex.Female, Sex.Female),
                    _ => (Sex.Male, Sex.Male),
                };
                var first = Child(familyId, familyName, birth, firstSex, postcodes, SyntheticRelation.Twin, []);
                Child(familyId, familyName, birth, secondSex, postcodes, SyntheticRelation.Twin, [first.GivenName]);
                if (Chance(0.25))
                {
                    Child(familyId, familyName, SiblingBirthDate(birth), RandomSex(), postcodes, SyntheticRelation.Sibling, [first.GivenName]);
                }
            }
            else if (roll < _options.TwinHouseholdShare + _options.SiblingHouseholdShare)
            {
                var birth = BirthDate();
                var names = new List<string>();
                var children = Chance(0.75) ? 2 : 3;
                var births = new List<DateOnly> { birth };
                for (var i = 0; i < children; i++)
                {
                    var date = i == 0 ? birth : SiblingBirthDate(births);
                    births.Add(date);
                    names.Add(Child(familyId, familyName, date, RandomSex(), postcodes, SyntheticRelation.Sibling, names).GivenName);
                }
            }
            else if (_commonlyNamed.Count > 0 && Chance(_options.NamesakeShare))
            {
                // An unrelated child with the same common names and date of birth as an earlier one, living elsewhere.
                var original = Pick(_commonlyNamed);
                var person = NewPerson(
                    familyId,
                    original.GivenName,
                    original.FamilyName,
                    original.DateOfBirth,
                    original.Sex,
                    postcodes,
                    SyntheticRelation.Namesake,
                    original.PersonId);
                AddReferrals(person);
            }
            else
            {
                var birth = BirthDate();
                var child = Child(familyId, familyName, birth, RandomSex(), postcodes, SyntheticRelation.None, []);
                if (_commonGiven.Contains(child.GivenName) && _commonFamily.Contains(child.FamilyName))
                {
                    _commonlyNamed.Add(child);
                }
            }
        }

        private Sex RandomSex() => _random.Next(2) == 0 ? Sex.Female : Sex.Male;

        private DateOnly BirthDate() => _earliestBirth.AddDays(_random.Next(_birthSpanDays));

        private DateOnly SiblingBirthDate(DateOnly other) => SiblingBirthDate([other]);

        /// <summary>A brother's or sister's birth date: at least 11 months from every other child's, within the age range.</summary>
        private DateOnly SiblingBirthDate(IReadOnlyList<DateOnly> others)
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var candidate = Pick(others).AddDays((_random.Next(2) == 0 ? -1 : 1) * _random.Next(335, 2200));
                if (candidate >= _earliestBirth && candidate.DayNumber < _earliestBirth.DayNumber + _birthSpanDays
                    && others.All(o => Math.Abs(o.DayNumber - candidate.DayNumber) >= 335))
                {
                    return candidate;
                }
            }

            // The range is ten years wide, so this is not reached in practice; keep a valid, distinct date anyway.
            return others.Max().AddDays(335);
        }

        /// <summary>The household's postcodes over the period: most families stay put; some move once or twice.</summary>
        private List<string> Addresses()
        {
            var district = _districts.Pick(_random);
            var sector = 1 + _random.Next(9);
            var postcodes = new List<string> { Postcode(district, sector) };
            var moves = _random.NextDouble() switch { < 0.78 => 0, < 0.95 => 1, _ => 2 };
            for (var i = 0; i < moves; i++)
            {
                var kind = _random.NextDouble();
                if (kind >= 0.60)
                {
                    district = _districts.Pick(_random);
                    sector = 1 + _random.Next(9);
                }
                else if (kind >= 0.25)
                {
                    sector = 1 + ((sector + _random.Next(8)) % 9);
                }

                string next;
                do
                {
                    next = Postcode(district, sector);
                }
                while (postcodes.Contains(next));

                postcodes.Add(next);
            }

            return postcodes;
        }

        private string Postcode(string district, int sector) =>
            string.Create(
                CultureInfo.InvariantCulture,
                $"{district} {sector}{InwardLetters[_random.Next(InwardLetters.Length)]}{InwardLetters[_random.Next(InwardLetters.Length)]}");

        /// <summary>A child of the household with a given name none of the other children has (nor an equivalent of it).</summary>
        private SyntheticPerson Child(
            string familyId, string familyName, DateOnly birth, Sex sex, List<string> postcodes, SyntheticRelation relation, IReadOnlyList<string> otherNames)
        {
            var names = sex == Sex.Female ? _girls : _boys;
            string given;
            do
            {
                given = names.Pick(_random);
            }
            while (otherNames.Any(other => NameEquivalents.AreEquivalent(other, given)));

            var person = NewPerson(familyId, given, familyName, birth, sex, postcodes, relation, null);
            AddReferrals(person);
            return person;
        }

        private SyntheticPerson NewPerson(
            string familyId, string given, string familyName, DateOnly birth, Sex sex, List<string> postcodes, SyntheticRelation relation, string? namesakeOf)
        {
            var names = sex == Sex.Female ? _girls : _boys;
            string? middle = null;
            if (Chance(0.3))
            {
                middle = names.Pick(_random);
                if (NameEquivalents.AreEquivalent(middle, given))
                {
                    middle = null;
                }
            }

            string? preferred = null;
            var equivalents = EquivalentsOf(given);
            if (equivalents.Count > 0 && Chance(0.3))
            {
                preferred = Pick(equivalents);
            }
            else if (SyntheticNames.OutsideTableNicknames.TryGetValue(given, out var nicknames) && Chance(0.3))
            {
                preferred = Pick(nicknames);
            }

            var person = new SyntheticPerson(
                string.Create(CultureInfo.InvariantCulture, $"P{_people.Count + 1:000000}"),
                familyId,
                given,
                middle,
                preferred,
                familyName,
                birth,
                sex,
                postcodes,
                NewNhsNumber(_random),
                NewUniquePupilNumber(_random),
                null,
                relation,
                namesakeOf);
            _people.Add(person);
            return person;
        }

        /// <summary>The child's referrals: their sources, and the address the family had when each was made.</summary>
        private void AddReferrals(SyntheticPerson person)
        {
            var count = _options.ReferralsPerChild ?? _referralCounts.Pick(_random);
            var sources = new List<int>(count);
            for (var i = 0; i < count; i++)
            {
                sources.Add(_sources.Pick(_random));
            }

            // Known to the police computer: almost always after an out-of-court disposal, sometimes otherwise.
            var police = sources.Any(s => Sources[s].Source == ReferralSource.PoliceOutOfCourtDisposal) ? 0.95 : 0.04;
            if (Chance(police))
            {
                // The person was the last one added (NewPerson, then straight here).
                person = person with { PncId = NewPncId(_random) };
                _people[^1] = person;
            }

            // Referral times and move times on one time line: a referral uses the address of its time.
            var moves = Enumerable.Range(0, person.Postcodes.Count - 1).Select(_ => _random.NextDouble()).Order().ToArray();
            foreach (var source in sources)
            {
                var time = _random.NextDouble();
                var address = moves.Count(m => m < time);
                _referrals.Add((person, Sources[source].Source, person.Postcodes[address]));
            }
        }

        /// <summary>The record as this source wrote it.</summary>
        private PersonRecord Write(SyntheticPerson person, SourceProfile profile, ReferralSource source, string postcode, Guid id)
        {
            // Given name: usually as registered; sometimes the name the child goes by, a Welsh or English form or
            // nickname from the project's table, a short form the table lacks, or the middle name.
            // Each variant has its own slice of one roll, so the rates are as stated whichever variants a child has.
            var given = person.GivenName;
            var roll = _random.NextDouble();
            var preferredShare = source == ReferralSource.ChildOrFamily ? 0.35 : 0.06;
            if (roll < preferredShare)
            {
                given = person.PreferredName ?? given;
            }
            else if (roll < preferredShare + 0.04)
            {
                var equivalents = EquivalentsOf(person.GivenName);
                given = equivalents.Count > 0 ? Pick(equivalents) : given;
            }
            else if (roll < preferredShare + 0.05)
            {
                given = SyntheticNames.OutsideTableNicknames.TryGetValue(person.GivenName, out var nicknames) ? Pick(nicknames) : given;
            }
            else if (roll < preferredShare + 0.055)
            {
                given = person.MiddleName ?? given;
            }

            if (Chance(0.04))
            {
                given = TypingErrors.Apply(given, _random);
            }

            if (Chance(0.5))
            {
                given = WithoutAccents(given);
            }

            if (person.MiddleName is not null && given != person.MiddleName && Chance(0.25))
            {
                given = $"{given} {person.MiddleName}";
            }

            string? preferredName = person.PreferredName is not null && given != person.PreferredName && Chance(profile.KnownAs)
                ? person.PreferredName
                : null;

            // Family name: a double-barrelled name with a hyphen, a space, or one part only.
            var family = person.FamilyName;
            if (family.Contains('-', StringComparison.Ordinal))
            {
                var parts = family.Split('-');
                family = _random.NextDouble() switch
                {
                    < 0.55 => family,
                    < 0.80 => string.Join(' ', parts),
                    < 0.90 => parts[0],
                    _ => parts[1],
                };
            }

            if (Chance(0.04))
            {
                family = TypingErrors.Apply(family, _random);
            }

            string? givenName = Chance(0.005) ? null : given;
            string? familyName = Chance(0.003) ? null : family;
            if (Chance(0.08))
            {
                // Systems that hold names in capitals.
                givenName = givenName?.ToUpperInvariant();
                familyName = familyName?.ToUpperInvariant();
            }

            return new PersonRecord(
                id,
                givenName,
                familyName,
                preferredName,
                Chance(profile.DateOfBirth) ? WrittenDate(person.DateOfBirth) : null,
                !Chance(profile.Sex) ? Sex.NotKnown : Chance(0.003) ? (person.Sex == Sex.Female ? Sex.Male : Sex.Female) : person.Sex,
                Chance(profile.Postcode) ? WrittenPostcode(postcode) : null,
                Chance(profile.NhsNumber) ? WrittenNhsNumber(person.NhsNumber) : null,
                Chance(profile.UniquePupilNumber) ? (Chance(0.02) ? NewUniquePupilNumber(_random) : person.UniquePupilNumber) : null,
                person.PncId is not null && Chance(profile.PncId) ? WrittenPncId(person.PncId) : null);
        }

        /// <summary>The date as written: day and month swapped, one digit wrong or the year one out on a few rows.</summary>
        private DateOnly WrittenDate(DateOnly date)
        {
            var roll = _random.NextDouble();
            if (roll < 0.02 && date.Day <= 12 && date.Day != date.Month)
            {
                return new DateOnly(date.Year, date.Day, date.Month);
            }

            if (roll < 0.04)
            {
                for (var attempt = 0; attempt < 20; attempt++)
                {
                    var text = TypingErrors.ChangeOneDigit(date.ToString(DateFormat, CultureInfo.InvariantCulture), _random);
                    if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var changed)
                        && changed.Year is >= 2000 and <= 2026)
                    {
                        return changed;
                    }
                }
            }
            else if (roll < 0.05)
            {
                return date.AddYears(_random.Next(2) == 0 ? -1 : 1);
            }

            return date;
        }

        /// <summary>The postcode as written: with or without the space, sometimes in lower case, now and then mistyped.</summary>
        private string WrittenPostcode(string postcode)
        {
            var written = postcode;
            if (Chance(0.01))
            {
                // A slip in the last two letters gives another (valid) postcode nearby.
                var at = postcode.Length - 1 - _random.Next(2);
                written = string.Concat(postcode.AsSpan(0, at), InwardLetters[_random.Next(InwardLetters.Length)].ToString(), postcode.AsSpan(at + 1));
            }

            if (Chance(0.15))
            {
                written = written.Replace(" ", string.Empty, StringComparison.Ordinal);
            }

            return Chance(0.1) ? written.ToLowerInvariant() : written;
        }

        /// <summary>The NHS number as written: spaced 3-3-4 or not, and on one row in a hundred mistyped (so invalid).</summary>
        private string WrittenNhsNumber(string nhs)
        {
            var written = Chance(0.01) ? TypingErrors.ChangeOneDigit(nhs, _random) : nhs;
            return Chance(0.4) ? $"{written[..3]} {written[3..6]} {written[6..]}" : written;
        }

        /// <summary>The PNC ID as written: two- or four-digit year, with the serial's leading zeros or without.</summary>
        private string WrittenPncId(string pnc)
        {
            var year = pnc[..2];
            var serial = pnc[3..^1].TrimStart('0');
            var check = pnc[^1];
            return _random.Next(3) switch
            {
                0 => pnc,
                1 => $"20{year}/{serial}{check}",
                _ => $"{year}/{serial}{check}",
            };
        }
    }

    /// <summary>The chance that a source's referral carries each field.</summary>
    private sealed record SourceProfile(
        double DateOfBirth, double Postcode, double NhsNumber, double UniquePupilNumber, double PncId, double Sex, double KnownAs);

    /// <summary>Picks a value with probability proportional to its weight (a cumulative table and a binary search).</summary>
    private sealed class WeightedPicker<T>
    {
        private readonly T[] _values;
        private readonly double[] _cumulative;

        public WeightedPicker(IEnumerable<(T Value, double Weight)> weighted)
        {
            var list = weighted.ToList();
            _values = list.Select(w => w.Value).ToArray();
            _cumulative = new double[list.Count];
            var total = 0.0;
            for (var i = 0; i < list.Count; i++)
            {
                total += list[i].Weight;
                _cumulative[i] = total;
            }
        }

        public T Pick(Random random)
        {
            var target = random.NextDouble() * _cumulative[^1];
            var at = Array.BinarySearch(_cumulative, target);
            at = at < 0 ? ~at : at + 1;
            return _values[Math.Min(at, _values.Length - 1)];
        }
    }
}
