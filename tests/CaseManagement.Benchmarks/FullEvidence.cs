using System.Globalization;
using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;
using CaseManagement.Tools.Evaluation;

namespace CaseManagement.Benchmarks;

/// <summary>
/// Gives the project generator's rows what real referrals carry and that generator leaves out (decision 0100): the home's
/// town, house and street, and a phone number and e-mail address, so that <c>matching latency</c> and <c>matching batch</c>
/// (<c>--evidence full</c>) measure the keys on towns and contacts (decisions 0073, 0081, 0094) at scale. The rows' names,
/// dates, postcodes, households and slips are the generator's, unchanged; only these fields are added.
/// </summary>
/// <remarks>
/// <para>
/// Skewed as a Welsh register is: the town is the post town of the row's postcode district (the generator's districts,
/// weighted by population), so a few towns are big (Cardiff about 12% of the children, Swansea 9%, Newport 8%,
/// Pontypridd 3%); a town written is the post town, not the village, which makes the town's blocks as large as they
/// can be. Brothers and sisters share the home: its house and street, the household's phone (a parent's) and the
/// mother's e-mail. Shares as the GeCo households set (decision 0087): a household has a phone in 7 of 10; a child's
/// record gives the household's phone half the time, otherwise the child's own (7 in 10 have one); the mother's
/// e-mail 3 times in 10, otherwise the child's own (6 in 10 have one).
/// </para>
/// <para>
/// Assumed, not published: a referral writes the town 9 times in 10, the house and street 3 in 4, a phone 6 in 10 and an
/// e-mail 4 in 10; a street is one of 40 names common in every town (High Street, Church Street...) in 3 households of
/// 10, otherwise one of a few thousand; 1 referral in 100 gives a service's phone (one of the 22 councils' duty
/// lines) and 1 in 300 a placeholder e-mail ("none@none.com"), as forms that require them get. Those shared contacts
/// are what make a contact's block large.
/// </para>
/// Deterministic: a household's and a child's values are drawn from their own identifiers and the seed; a row's
/// choices from the <see cref="Random"/> given.
/// </remarks>
internal sealed class FullEvidence(int seed)
{
    /// <summary>The post town of each of the generator's postcode districts (<see cref="SyntheticNames.Districts"/>).</summary>
    private static readonly Dictionary<string, string> PostTowns = new(StringComparer.Ordinal)
    {
        ["CF3"] = "Cardiff", ["CF5"] = "Cardiff", ["CF10"] = "Cardiff", ["CF11"] = "Cardiff", ["CF14"] = "Cardiff",
        ["CF15"] = "Cardiff", ["CF23"] = "Cardiff", ["CF24"] = "Cardiff", ["CF31"] = "Bridgend", ["CF32"] = "Bridgend",
        ["CF33"] = "Bridgend", ["CF34"] = "Maesteg", ["CF35"] = "Bridgend", ["CF36"] = "Porthcawl", ["CF37"] = "Pontypridd",
        ["CF38"] = "Pontypridd", ["CF39"] = "Porth", ["CF40"] = "Tonypandy", ["CF41"] = "Pentre", ["CF42"] = "Treorchy",
        ["CF43"] = "Ferndale", ["CF44"] = "Aberdare", ["CF45"] = "Mountain Ash", ["CF46"] = "Treharris",
        ["CF47"] = "Merthyr Tydfil", ["CF48"] = "Merthyr Tydfil", ["CF61"] = "Llantwit Major", ["CF62"] = "Barry",
        ["CF63"] = "Barry", ["CF64"] = "Penarth", ["CF71"] = "Cowbridge", ["CF72"] = "Pontyclun", ["CF81"] = "Bargoed",
        ["CF82"] = "Hengoed", ["CF83"] = "Caerphilly", ["NP4"] = "Pontypool", ["NP7"] = "Abergavenny", ["NP10"] = "Newport",
        ["NP11"] = "Newport", ["NP12"] = "Blackwood", ["NP13"] = "Abertillery", ["NP15"] = "Usk", ["NP16"] = "Chepstow",
        ["NP18"] = "Newport", ["NP19"] = "Newport", ["NP20"] = "Newport", ["NP22"] = "Tredegar", ["NP23"] = "Ebbw Vale",
        ["NP24"] = "New Tredegar", ["NP25"] = "Monmouth", ["NP26"] = "Caldicot", ["NP44"] = "Cwmbran", ["SA1"] = "Swansea",
        ["SA2"] = "Swansea", ["SA3"] = "Swansea", ["SA4"] = "Swansea", ["SA5"] = "Swansea", ["SA6"] = "Swansea",
        ["SA7"] = "Swansea", ["SA8"] = "Swansea", ["SA9"] = "Swansea", ["SA10"] = "Neath", ["SA11"] = "Neath",
        ["SA12"] = "Port Talbot", ["SA13"] = "Port Talbot", ["SA14"] = "Llanelli", ["SA15"] = "Llanelli",
        ["SA16"] = "Burry Port", ["SA17"] = "Kidwelly", ["SA18"] = "Ammanford", ["SA19"] = "Llandeilo",
        ["SA31"] = "Carmarthen", ["SA33"] = "Carmarthen", ["SA34"] = "Whitland", ["SA43"] = "Cardigan",
        ["SA61"] = "Haverfordwest", ["SA62"] = "Haverfordwest", ["SA65"] = "Fishguard", ["SA67"] = "Narberth",
        ["SA72"] = "Pembroke Dock", ["SA73"] = "Milford Haven", ["LL11"] = "Wrexham", ["LL12"] = "Wrexham",
        ["LL13"] = "Wrexham", ["LL14"] = "Wrexham", ["LL15"] = "Ruthin", ["LL16"] = "Denbigh", ["LL18"] = "Rhyl",
        ["LL22"] = "Abergele", ["LL28"] = "Colwyn Bay", ["LL29"] = "Colwyn Bay", ["LL30"] = "Llandudno", ["LL31"] = "Conwy",
        ["LL32"] = "Conwy", ["LL41"] = "Blaenau Ffestiniog", ["LL49"] = "Porthmadog", ["LL53"] = "Pwllheli",
        ["LL54"] = "Caernarfon", ["LL55"] = "Caernarfon", ["LL57"] = "Bangor", ["LL58"] = "Beaumaris",
        ["LL61"] = "Llanfairpwllgwyngyll", ["LL65"] = "Holyhead", ["LL77"] = "Llangefni", ["SY15"] = "Montgomery",
        ["SY16"] = "Newtown", ["SY18"] = "Llanidloes", ["SY20"] = "Machynlleth", ["SY21"] = "Welshpool",
        ["SY23"] = "Aberystwyth", ["SY25"] = "Tregaron", ["LD1"] = "Llandrindod Wells", ["LD2"] = "Builth Wells",
        ["LD3"] = "Brecon", ["LD7"] = "Knighton", ["CH4"] = "Chester", ["CH5"] = "Deeside", ["CH6"] = "Flint",
        ["CH7"] = "Mold", ["CH8"] = "Holywell",
    };

    /// <summary>Street names found in almost every town.</summary>
    private static readonly string[] CommonStreets =
    [
        "High Street", "Church Street", "Station Road", "Park Road", "Victoria Street", "Church Road", "Main Road",
        "Mill Lane", "New Road", "Queen Street", "King Street", "Bridge Street", "Commercial Street", "Chapel Street",
        "School Road", "Heol y Parc", "Park View", "Oak Close", "Castle Street", "Wind Street", "Albert Road",
        "Heol Las", "Maes y Coed", "Windsor Road", "Brynteg", "Heol Hir", "Clos y Wern", "Tudor Street", "Dan y Graig",
        "Mount Pleasant", "Greenfield Terrace", "Alexandra Road", "Oxford Street", "Bryn Road", "Pen y Bryn",
        "Gelli Road", "Hill Street", "Cardiff Road", "Mountain Road", "Cemetery Road",
    ];

    private static readonly string[] StreetStarts =
    [
        "Heol", "Maes", "Clos", "Ffordd", "Llys", "Cae", "Bryn", "Pant", "Coed", "Tir", "Parc", "Golwg", "Min", "Cwrt",
        "Rhodfa", "Stryd", "Nant", "Pen", "Tan", "Blaen",
    ];

    private static readonly string[] StreetEnds =
    [
        "Ash", "Beech", "Birch", "Cedar", "Elm", "Hazel", "Holly", "Larch", "Maple", "Oak", "Rowan", "Willow", "Yew",
        "Meadow", "Brook", "Dale", "Field", "Glen", "Grove", "Heath", "Hollow", "Ridge", "Vale", "Wood", "Bryn", "Cwm",
        "Dderwen", "Eithin", "Ffynnon", "Garth", "Gwern", "Helyg", "Llan", "Mynydd", "Onnen", "Pentre", "Rhos",
        "Tawe", "Wern", "Ysgol", "Fedw", "Celyn", "Gorsaf", "Castell", "Afon", "Derw", "Eglwys", "Felin", "Gwyn", "Ynys",
    ];

    private static readonly string[] StreetTypes = ["Road", "Street", "Close", "Avenue", "Drive", "Way", "Court", "Terrace", "Crescent", "Gardens"];

    private static readonly string[] Mothers =
    [
        "Sarah", "Emma", "Rhian", "Claire", "Lisa", "Nicola", "Kelly", "Rachel", "Catrin", "Gemma", "Laura", "Joanne",
        "Sian", "Kirsty", "Helen", "Amy", "Stacey", "Lowri", "Natalie", "Michelle", "Ceri", "Donna", "Zoe", "Hayley",
    ];

    private static readonly (string Domain, int Weight)[] Domains =
    [
        ("gmail.com", 40), ("hotmail.co.uk", 20), ("outlook.com", 10), ("yahoo.co.uk", 10), ("icloud.com", 10),
        ("btinternet.com", 5), ("sky.com", 5),
    ];

    private static readonly string[] Placeholders = ["none@none.com", "noemail@gmail.com", "na@na.com"];

    /// <summary>The 22 councils' duty lines: one number each, given by many referrals when the family's is not known.</summary>
    private static readonly string[] DutyLines = Enumerable.Range(0, 22)
        .Select(i => string.Create(CultureInfo.InvariantCulture, $"01{443 + (i * 17) % 500} {400000 + (i * 7919)}"))
        .ToArray();

    private readonly Dictionary<string, Household> _households = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Own> _own = new(StringComparer.Ordinal);

    /// <summary>Every phone and e-mail given out: a provider never gives one address or number to two people.</summary>
    private readonly HashSet<string> _issued = new(StringComparer.Ordinal);

    /// <summary>The record with the town, house and street, phone and e-mail a referral about this child writes.</summary>
    public PersonRecord Give(PersonRecord record, SyntheticPerson person, Random random)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(random);
        var home = HomeOf(record, person);
        var household = HouseholdOf(person);
        var own = OwnOf(person);
        var (houseNumber, street) = household.Addresses[home];
        var town = PostTowns.GetValueOrDefault(District(person.Postcodes[home]));

        string? phone = null;
        ContactOwner? phoneOwner = null;
        if (random.NextDouble() < 0.01)
        {
            phone = DutyLines[random.Next(DutyLines.Length)];
        }
        else if (random.NextDouble() < 0.6)
        {
            if (household.Phone is { } shared && (own.Phone is null || random.NextDouble() < 0.5))
            {
                (phone, phoneOwner) = (shared, ContactOwner.ParentOrCarer);
            }
            else if (own.Phone is { } mine)
            {
                (phone, phoneOwner) = (mine, ContactOwner.Child);
            }
        }

        string? email = null;
        ContactOwner? emailOwner = null;
        if (random.NextDouble() < 1 / 300.0)
        {
            email = Placeholders[random.Next(Placeholders.Length)];
        }
        else if (random.NextDouble() < 0.4)
        {
            (email, emailOwner) = random.NextDouble() < 0.3 || own.Email is null
                ? (household.Email, ContactOwner.ParentOrCarer)
                : (own.Email, ContactOwner.Child);
        }

        var written = random.NextDouble() < 0.75;
        return record with
        {
            Town = random.NextDouble() < 0.9 ? town : null,
            HouseNumber = written ? houseNumber : null,
            Street = written ? street : null,
            Phone = phone,
            PhoneOwner = phoneOwner,
            Email = email,
            EmailOwner = emailOwner,
        };
    }

    /// <summary>Which of the child's homes the row was written at: the one whose postcode it gives, or the latest.</summary>
    private static int HomeOf(PersonRecord record, SyntheticPerson person)
    {
        var written = Compact(record.Postcode);
        for (var i = person.Postcodes.Count - 1; i >= 0; i--)
        {
            if (Compact(person.Postcodes[i]) == written)
            {
                return i;
            }
        }

        for (var i = person.Postcodes.Count - 1; i >= 0; i--)
        {
            if (written is not null && District(person.Postcodes[i]) == District(written[..^3]))
            {
                return i;
            }
        }

        return person.Postcodes.Count - 1;
    }

    private static string? Compact(string? postcode) =>
        postcode?.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    private static string District(string postcode)
    {
        var space = postcode.IndexOf(' ', StringComparison.Ordinal);
        return space >= 0 ? postcode[..space] : postcode;
    }

    private Household HouseholdOf(SyntheticPerson person)
    {
        if (_households.TryGetValue(person.FamilyId, out var household))
        {
            return household;
        }

        var random = new Random(Seed(person.FamilyId));
        var addresses = person.Postcodes.Select(_ => Address(random)).ToArray();
        var mother = Mothers[random.Next(Mothers.Length)];
        var family = person.FamilyName.Split('-')[0];
        household = new Household(
            addresses,
            random.NextDouble() < 0.7 ? Mobile(random) : null,
            Email(mother, family, random));
        _households.Add(person.FamilyId, household);
        return household;
    }

    private Own OwnOf(SyntheticPerson person)
    {
        if (_own.TryGetValue(person.PersonId, out var own))
        {
            return own;
        }

        var random = new Random(Seed(person.PersonId));
        own = new Own(
            random.NextDouble() < 0.7 ? Mobile(random) : null,
            random.NextDouble() < 0.6 ? Email(person.GivenName, person.FamilyName.Split('-')[0], random) : null);
        _own.Add(person.PersonId, own);
        return own;
    }

    private static (string House, string Street) Address(Random random)
    {
        // Low house numbers are commoner (every street has a 1, few have a 150).
        var house = (1 + (int)(Math.Pow(random.NextDouble(), 2) * 160)).ToString(CultureInfo.InvariantCulture);
        var street = random.NextDouble() < 0.3
            ? CommonStreets[(int)(Math.Pow(random.NextDouble(), 2) * CommonStreets.Length)]
            : $"{StreetStarts[random.Next(StreetStarts.Length)]} {StreetEnds[random.Next(StreetEnds.Length)]} {StreetTypes[random.Next(StreetTypes.Length)]}";
        return (house, street);
    }

    private string Mobile(Random random)
    {
        string number;
        do
        {
            number = string.Create(CultureInfo.InvariantCulture, $"07{random.Next(100, 1000)} {random.Next(100_000, 1_000_000)}");
        }
        while (!_issued.Add(number));

        return number;
    }

    /// <summary>An address in one of the forms people choose, its number drawn again (and from more) until it is free.</summary>
    private string Email(string given, string family, Random random)
    {
        var g = given.ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
        var f = family.ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal);
        var form = random.Next(4);
        var roll = random.Next(Domains.Sum(d => d.Weight));
        var domain = Domains.First(d => (roll -= d.Weight) < 0).Domain;
        for (var range = 100; ; range *= 10)
        {
            var n = random.Next(range);
            var local = form switch
            {
                0 => $"{g}.{f}{n}",
                1 => $"{g}{f}{n}",
                2 => $"{g[0]}{f}{n}",
                _ => $"{g}{n}{f[0]}",
            };
            var email = string.Create(CultureInfo.InvariantCulture, $"{local}@{domain}");
            if (_issued.Add(email))
            {
                return email;
            }
        }
    }

    /// <summary>A stable seed from an identifier and the run's seed (FNV-1a: string.GetHashCode differs between processes).</summary>
    private int Seed(string id)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    private sealed record Household((string House, string Street)[] Addresses, string? Phone, string Email);

    private sealed record Own(string? Phone, string? Email);
}
