using CaseManagement.Application.Matching;

namespace CaseManagement.Tools.Evaluation;

/// <summary>
/// The names the synthetic population is drawn from, commonest first. Family names follow published Welsh
/// frequencies for the first few (Jones about 5.75% of people in Wales, Williams 3.7%, Davies 3.5%...) and then a
/// long tail of Welsh, English, Scottish, Irish and other surnames found in Wales today; given names mix the Welsh
/// and English names given to children born in Wales between 2008 and 2018. All of them are ordinary public names:
/// no real person's details are held here.
/// </summary>
internal static class SyntheticNames
{
    /// <summary>The commonest family names in Wales with their approximate share of the population, in percent.</summary>
    public static readonly (string Name, double Percent)[] CommonFamilyNames =
    [
        ("Jones", 5.75), ("Williams", 3.68), ("Davies", 3.46), ("Evans", 2.26), ("Thomas", 2.22), ("Roberts", 1.58),
        ("Lewis", 1.21), ("Hughes", 1.17), ("Morgan", 1.14), ("Griffiths", 1.04), ("Edwards", 0.98), ("Smith", 0.8),
        ("Owen", 0.85), ("Price", 0.73), ("Rees", 0.7), ("Jenkins", 0.66), ("James", 0.66), ("Phillips", 0.6),
        ("Lloyd", 0.56), ("Parry", 0.5), ("Powell", 0.46), ("Harris", 0.45), ("Richards", 0.44), ("Morris", 0.43),
        ("Taylor", 0.4), ("Brown", 0.38), ("Johnson", 0.33), ("Pritchard", 0.32), ("Walters", 0.3), ("Wood", 0.28),
    ];

    /// <summary>Together the tail holds what the common names leave (about 64%), each name rarer than the one before.</summary>
    public static readonly string[] OtherFamilyNames =
    [
        "Bowen", "Howells", "Llewellyn", "Vaughan", "Prosser", "Meredith", "Gwynne", "Pugh", "Probert", "Watkins",
        "Harries", "Bevan", "Protheroe", "Gittins", "Beddoe", "Madoc", "Kemble", "Nash", "Tudor", "Cadwaladr",
        "Rowlands", "Gronow", "Bennett", "Clarke", "Wilson", "Ashworth", "Kaur", "Khan", "Nowak", "Okafor", "Ahmed",
        "Humphreys", "Jarvis", "Ellis", "Mathias", "Preece", "Bowles", "Cadogan", "Daniel", "Eynon", "Foulkes", "Gough",
        "Gravell", "Hopkins", "Howell", "Humphries", "Jeffreys", "Kenvyn", "Lougher", "Maddocks", "Mostyn", "Nicholas",
        "Onions", "Parri", "Penry", "Perkins", "Picton", "Pryce", "Rhydderch", "Sayce", "Tanner", "Trahearn", "Voyle",
        "Wynne", "Yorath", "Baskerville", "Blethyn", "Cecil", "Craddock", "Dee", "Devonald", "Gwyther",
        "Hoskins", "Ivor", "Lewin", "Meyrick", "Parfitt", "Penrice", "Raymond", "Sambrook", "Stradling", "Thorne",
        "Trevor", "Upton", "Vellacott", "Walbeoff", "Weale", "Whittaker", "Yeomans", "Carter", "Cook",
        "Cooper", "Green", "Hall", "Harrison", "Hill", "Jackson", "King", "Lee", "Martin", "Moore", "Robinson",
        "Scott", "Thompson", "Turner", "Walker", "White", "Wright", "Young", "Allen", "Baker", "Mitchell", "Adams",
        "Campbell", "Anderson", "Stewart", "MacDonald", "Murray", "Reid", "Ross", "Kelly", "Murphy", "O'Brien",
        "O'Sullivan", "Byrne", "Ryan", "Walsh", "Doyle", "McCarthy", "O'Connor", "Gallagher", "Quinn", "Begum",
        "Hussain", "Ali", "Patel", "Singh", "Shah", "Rahman", "Islam", "Chowdhury", "Akhtar", "Mahmood", "Iqbal",
        "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Popescu", "Ionescu",
        "Santos", "Ferreira", "Silva", "Pereira", "Mensah", "Adeyemi", "Okonkwo", "Osei", "Nguyen", "Tran", "Chen",
        "Wang", "Li", "Zhang", "Mohamed", "Abdi", "Hassan", "Yusuf", "Farah", "Nielsen", "Müller", "Schmidt", "Rossi",
        "Russo", "Esposito", "García", "Fernández", "López", "Martínez", "Dubois", "Lefèvre", "Baxter", "Chapman",
        "Dixon", "Ellison", "Fletcher", "Gardner", "Hudson", "Ingram", "Jennings", "Kirby", "Lawson", "Marshall",
        "Norris", "Osborne", "Palmer", "Quinnell", "Rowe", "Sutton", "Tucker", "Underwood", "Vincent", "Wade",
        "Yates", "Abbott", "Barnes", "Chambers", "Dawson", "Elliott", "Francis", "Gibson", "Holmes", "Irving",
        "Jordan", "Knight", "Lambert", "Mason", "Newman", "Oliver", "Pearce", "Reynolds", "Simpson", "Townsend",
        "Vaughan-Thomas", "Walton", "Andrews", "Bishop", "Cole", "Day", "Evered", "Foster", "Grant", "Hart", "Hunt",
        "Jeffries", "Kemp", "Lane", "Mills", "Nolan", "Payne", "Reeves", "Stone", "Todd", "Warren", "Webb", "West",
        "Ashton", "Burgess", "Cross", "Dean", "Fox", "Gray", "Hayes", "Hicks", "Holt", "Lowe", "Miles", "Nicholls",
        "Page", "Perry", "Read", "Riley", "Shaw", "Spencer", "Stevens", "Storey", "Tyler", "Wall", "Wells", "Wyatt",
        "ab Iorwerth", "ap Rhys", "Bebb", "Brace", "Cynan", "Dafis", "Eurig", "Ffransis", "Glyn", "Gruffydd",
        "Hedd", "Iolo", "Llwyd", "Maelor", "Mererid", "Nefydd", "Penri", "Rhisiart", "Siencyn", "Tomos", "Wyn",
    ];

    /// <summary>Girls' names, commonest first (a mix of the Welsh and England-and-Wales lists).</summary>
    public static readonly string[] GirlsNames =
    [
        "Olivia", "Amelia", "Isla", "Ava", "Ella", "Emily", "Mia", "Lily", "Grace", "Sophie", "Evie", "Ruby", "Megan",
        "Freya", "Poppy", "Ffion", "Seren", "Chloe", "Isabella", "Jessica", "Charlotte", "Millie", "Daisy", "Erin",
        "Cerys", "Lucy", "Holly", "Scarlett", "Ellie", "Phoebe", "Molly", "Layla", "Caitlin", "Katie", "Alys", "Lowri",
        "Elin", "Nia", "Mali", "Cadi", "Efa", "Mabli", "Manon", "Catrin", "Bethan", "Siân", "Mair", "Elizabeth",
        "Rebecca", "Abigail", "Victoria", "Alexandra", "Samantha", "Eleanor", "Gwenllian", "Rhiannon", "Angharad",
        "Heledd", "Lleucu", "Eiry", "Alaw", "Elan", "Nel", "Fflur", "Gwen", "Gwenno", "Non", "Branwen", "Carys",
        "Siwan", "Tirion", "Anest", "Begw", "Nansi", "Ela", "Hafwen", "Mererid", "Olwen", "Elliw", "Luned", "Esyllt",
        "Amber", "Lacey", "Harriet", "Matilda", "Rosie", "Imogen", "Florence", "Maisie", "Willow", "Eva", "Lola",
        "Hannah", "Zara", "Aisha", "Amira", "Maryam", "Zofia", "Maja", "Julia", "Hanna", "Oliwia", "Aaliyah", "Nevaeh",
        "Kayla", "Paige", "Leah", "Courtney", "Shannon", "Tia", "Demi", "Jade", "Niamh", "Orla", "Aoife", "Eilidh",
        "Iris", "Hazel", "Ivy", "Ada", "Elsie", "Edith", "Violet", "Mabel", "Nancy", "Beatrice", "Penelope", "Clara",
        "Annabel", "Esme", "Bella", "Macy", "Kacey", "Tegan", "Morgan", "Rhian", "Rhianna", "Kelsey", "Bronwen",
    ];

    /// <summary>Boys' names, commonest first.</summary>
    public static readonly string[] BoysNames =
    [
        "Oliver", "Jack", "Harry", "Jacob", "Charlie", "Thomas", "George", "Oscar", "James", "William", "Noah", "Alfie",
        "Joshua", "Dylan", "Rhys", "Leo", "Ethan", "Henry", "Archie", "Freddie", "Logan", "Daniel", "Mason", "Max",
        "Riley", "Lucas", "Alexander", "Isaac", "Joseph", "Samuel", "Benjamin", "Liam", "Tyler", "Jayden", "Callum",
        "Kai", "Lewis", "Osian", "Cai", "Tomos", "Dafydd", "Gethin", "Owain", "Iwan", "Huw", "Gwilym", "Ieuan", "Macsen",
        "Elis", "Ifan", "Harri", "Guto", "Steffan", "Aled", "Emyr", "Hywel", "Gareth", "Siôn", "Llŷr", "Iestyn",
        "Gruffudd", "Gwion", "Ianto", "Deio", "Trystan", "Taliesin", "Tudur", "Cynan", "Llywelyn", "Rhodri", "Math",
        "Idris", "Ioan", "Morgan", "Bryn", "Evan", "David", "John", "Matthew", "Christopher", "Nathan",
        "Zachary", "Frederick", "Edward", "Richard", "Anthony", "Jonathan", "Nicholas", "Michael", "Robert",
        "Theo", "Arthur", "Jenson", "Teddy", "Reggie", "Ronnie", "Albie", "Louie", "Finley", "Harrison", "Sebastian",
        "Muhammad", "Mohammed", "Ibrahim", "Yusuf", "Adam", "Ali", "Jakub", "Szymon", "Filip", "Kacper", "Mateusz",
        "Connor", "Kieran", "Declan", "Cian", "Ruairi", "Callan", "Brandon", "Kyle", "Jordan", "Bradley", "Ryan",
        "Jamie", "Luke", "Aaron", "Caleb", "Elliot", "Toby", "Reuben", "Stanley", "Ezra", "Hugo", "Felix", "Jude",
    ];

    /// <summary>
    /// Short forms in everyday use that the project's equivalence table does not (yet) hold. A few rows use them, so
    /// the evaluation sees the names a child gives that the engine cannot connect.
    /// </summary>
    public static readonly Dictionary<string, string[]> OutsideTableNicknames = new(StringComparer.Ordinal)
    {
        ["Gwenllian"] = ["Gwen", "Gwenno"],
        ["Ieuan"] = ["Ianto"],
        ["Gruffudd"] = ["Guto", "Gruff"],
        ["Rhiannon"] = ["Rhi"],
        ["Angharad"] = ["Hari"],
        ["Isabella"] = ["Bella", "Izzy"],
        ["Alexander"] = ["Sandy"],
        ["Archie"] = ["Arch"],
        ["Frederick"] = ["Freddo"],
        ["Taliesin"] = ["Tal"],
        ["Llywelyn"] = ["Llyw"],
        ["Bronwen"] = ["Bron"],
    };

    /// <summary>Postcode districts in Wales with a rough weight for how many children live there.</summary>
    public static readonly (string District, int Weight)[] Districts =
    [
        ("CF3", 4), ("CF5", 4), ("CF10", 3), ("CF11", 4), ("CF14", 5), ("CF15", 2), ("CF23", 4), ("CF24", 5),
        ("CF31", 4), ("CF32", 3), ("CF33", 2), ("CF34", 2), ("CF35", 2), ("CF36", 2), ("CF37", 4), ("CF38", 3),
        ("CF39", 3), ("CF40", 3), ("CF41", 2), ("CF42", 2), ("CF43", 2), ("CF44", 3), ("CF45", 2), ("CF46", 2),
        ("CF47", 3), ("CF48", 3), ("CF61", 2), ("CF62", 4), ("CF63", 3), ("CF64", 3), ("CF71", 2), ("CF72", 3),
        ("CF81", 2), ("CF82", 2), ("CF83", 4), ("NP4", 3), ("NP7", 2), ("NP10", 3), ("NP11", 3), ("NP12", 3),
        ("NP13", 2), ("NP15", 1), ("NP16", 2), ("NP18", 2), ("NP19", 4), ("NP20", 4), ("NP22", 2), ("NP23", 2),
        ("NP24", 1), ("NP25", 1), ("NP26", 2), ("NP44", 4), ("SA1", 4), ("SA2", 3), ("SA3", 2), ("SA4", 3), ("SA5", 3),
        ("SA6", 3), ("SA7", 2), ("SA8", 2), ("SA9", 2), ("SA10", 3), ("SA11", 3), ("SA12", 3), ("SA13", 2), ("SA14", 3),
        ("SA15", 3), ("SA16", 1), ("SA17", 1), ("SA18", 2), ("SA19", 1), ("SA31", 2), ("SA33", 1), ("SA34", 1),
        ("SA43", 1), ("SA61", 2), ("SA62", 1), ("SA65", 1), ("SA67", 1), ("SA72", 2), ("SA73", 1), ("LL11", 3),
        ("LL12", 2), ("LL13", 3), ("LL14", 2), ("LL15", 1), ("LL16", 1), ("LL18", 2), ("LL22", 1), ("LL28", 2),
        ("LL29", 2), ("LL30", 2), ("LL31", 1), ("LL32", 1), ("LL41", 1), ("LL49", 1), ("LL53", 1), ("LL54", 1),
        ("LL55", 2), ("LL57", 3), ("LL58", 1), ("LL61", 1), ("LL65", 2), ("LL77", 1), ("SY15", 1), ("SY16", 2),
        ("SY18", 1), ("SY20", 1), ("SY21", 1), ("SY23", 2), ("SY25", 1), ("LD1", 1), ("LD2", 1), ("LD3", 1), ("LD7", 1),
        ("CH4", 2), ("CH5", 3), ("CH6", 2), ("CH7", 3), ("CH8", 1),
    ];
}
