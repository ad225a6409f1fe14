using System.Globalization;
using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Matching;

/// <summary>
/// Probabilistic record linkage (Fellegi-Sunter) of referrals to known children. Each field's agreement level adds
/// log2(m/u) to the score, missing fields add nothing, agreeing family and given names are adjusted for how common
/// the name is, and veto rules keep twins and siblings apart. The score is then compared with the two thresholds.
/// Pure: no I/O, no clock, no shared mutable state, so one engine serves any number of threads.
/// </summary>
public sealed class MatchingEngine
{
    /// <summary>How far below a threshold a capped score is put, so the decision is unambiguous.</summary>
    private const double CapMargin = 0.5;

    /// <summary>How many times commoner a given name must be than its other spelling for that spelling to count as a slip.</summary>
    private const double RareSpellingRatio = 20;

    private static readonly int LevelCount = Enum.GetValues<AgreementLevel>().Length;
    private static readonly MatchField[] Fields = Enum.GetValues<MatchField>();

    /// <summary>The rules in order, once: <see cref="Enum.GetValues{TEnum}"/> allocates an array on every call.</summary>
    private static readonly VetoRule[] Rules = Enum.GetValues<VetoRule>();

    private readonly INameFrequencies? _frequencies;

    /// <summary>log2(m/u) for each field and level, at [field × LevelCount + level]; NaN where a field has no such level.</summary>
    private readonly double[] _weights;

    /// <summary>m for each field and level, for the term-frequency adjustment.</summary>
    private readonly double[] _m;

    /// <summary>Creates an engine; the options are checked here, once.</summary>
    /// <param name="options">The m/u table and thresholds; <see cref="MatchingOptions.Default"/> when null.</param>
    /// <param name="frequencies">Name frequencies for the term-frequency adjustment; without them default weights apply.</param>
    public MatchingEngine(MatchingOptions? options = null, INameFrequencies? frequencies = null)
    {
        Options = options ?? MatchingOptions.Default;
        _frequencies = frequencies;
        Validate(Options);

        _weights = new double[Fields.Length * LevelCount];
        _m = new double[Fields.Length * LevelCount];
        Array.Fill(_weights, double.NaN);
        foreach (var (field, levels) in MatchingOptions.LevelsFor)
        {
            foreach (var level in levels)
            {
                var probabilities = Options.Probabilities[field][level];
                _weights[Slot(field, level)] = probabilities.Weight;
                _m[Slot(field, level)] = probabilities.M;
            }
        }
    }

    /// <summary>The options in use.</summary>
    public MatchingOptions Options { get; }

    /// <summary>The decision a score leads to.</summary>
    public MatchDecision Decide(double score) =>
        score >= Options.UpperThreshold ? MatchDecision.Link
        : score < Options.LowerThreshold ? MatchDecision.NewChild
        : MatchDecision.Review;

    /// <summary>Compares two records, with a full explanation.</summary>
    public MatchResult Compare(PersonRecord left, PersonRecord right) =>
        Compare(PreparedRecord.Prepare(left), PreparedRecord.Prepare(right));

    /// <summary>Compares two prepared records, with a full explanation.</summary>
    public MatchResult Compare(PreparedRecord left, PreparedRecord right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return Explain(left, right, ProbeWeightsFor(left));
    }

    /// <summary>The best matches for a referral among the indexed records, highest score first (see <see cref="Search"/>).</summary>
    public IReadOnlyList<MatchResult> FindMatches(PersonRecord referral, CandidateIndex index, int max = 10) =>
        Search(referral, index, max).Matches;

    /// <summary>
    /// Scores the referral against the records that share a blocking key with it and explains the best
    /// <paramref name="max"/> of them, whatever their decision (callers filter on <see cref="MatchResult.Decision"/>).
    /// A record with the referral's own identifier is never its own match.
    /// </summary>
    public MatchSearchResult Search(PersonRecord referral, CandidateIndex index, int max = 10)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);

        var probe = PreparedRecord.Prepare(referral);
        var weights = ProbeWeightsFor(probe);
        var candidates = index.Candidates(probe, Options.MaxCandidatesPerKey, out var skipped);

        var topScores = new double[max];
        var topPositions = new int[max];
        var kept = 0;
        var compared = 0;
        foreach (var position in candidates)
        {
            var candidate = index.Record(position);
            if (candidate.Id == referral.Id)
            {
                continue;
            }

            compared++;

            // The fields held in the record itself first: if even perfect names could not lift the pair into the
            // best so far, skip the names, which live in other objects (the costly memory reads of a search).
            // Vetoes only lower a score, except that an agreeing identifier can lift a vetoed pair to Review,
            // so such pairs are always scored in full.
            var dateOfBirth = FieldComparer.DateOfBirth(probe, candidate);
            var sex = FieldComparer.SexLevel(probe, candidate);
            var address = FieldComparer.AddressLevel(probe, candidate);
            var postcode = FieldComparer.PostcodeLevel(probe, candidate, address);
            var nhs = FieldComparer.NhsNumberLevel(probe, candidate);
            var upn = FieldComparer.UniquePupilNumberLevel(probe, candidate);
            var pnc = FieldComparer.PncIdLevel(probe, candidate);
            var email = FieldComparer.EmailLevel(probe.Email, candidate.Email);
            var phone = FieldComparer.PhoneLevel(probe, candidate);
            var town = FieldComparer.TownLevel(probe.Town, candidate.Town);
            var school = FieldComparer.SchoolLevel(probe.School, candidate.School);
            var carers = FieldComparer.CarersLevel(probe, candidate);
            var other = FieldComparer.OtherIdentifierLevel(probe, candidate);
            var identifierAgrees = nhs == AgreementLevel.Exact || upn == AgreementLevel.Exact || pnc == AgreementLevel.Exact;
            if (kept == max && !identifierAgrees)
            {
                var withoutNames = Weight(MatchField.DateOfBirth, dateOfBirth) + Weight(MatchField.Sex, sex)
                    + Weight(MatchField.Postcode, postcode) + Weight(MatchField.NhsNumber, nhs)
                    + Weight(MatchField.UniquePupilNumber, upn) + Weight(MatchField.PncId, pnc)
                    + Weight(MatchField.Email, email) + Weight(MatchField.Phone, phone) + Weight(MatchField.Town, town)
                    + Weight(MatchField.Address, address) + Weight(MatchField.School, school)
                    + Weight(MatchField.Carers, carers) + Weight(MatchField.OtherIdentifier, other);
                if (withoutNames + weights.NamesUpperBound <= topScores[kept - 1])
                {
                    continue;
                }
            }

            var (givenLevel, familyLevel) = FieldComparer.Names(probe, candidate, out var givenExactIndex);
            var levels = new FieldLevels(
                givenLevel,
                familyLevel,
                dateOfBirth,
                sex,
                postcode,
                nhs,
                upn,
                pnc,
                email,
                phone,
                town,
                address,
                school,
                carers,
                other);
            var score = Score(levels, weights, givenExactIndex, probe, candidate).Final;
            if (kept == max && score <= topScores[kept - 1])
            {
                continue;
            }

            // Insertion into the short sorted list of the best so far.
            var at = kept < max ? kept++ : kept - 1;
            while (at > 0 && topScores[at - 1] < score)
            {
                topScores[at] = topScores[at - 1];
                topPositions[at] = topPositions[at - 1];
                at--;
            }

            topScores[at] = score;
            topPositions[at] = position;
        }

        var matches = new List<MatchResult>(kept);
        for (var i = 0; i < kept; i++)
        {
            matches.Add(Explain(probe, index.Record(topPositions[i]), weights));
        }

        return new MatchSearchResult(matches, compared, index.Count, skipped);
    }

    private static int Slot(MatchField field, AgreementLevel level) => ((int)field * LevelCount) + (int)level;

    private static void Validate(MatchingOptions options)
    {
        foreach (var (field, levels) in MatchingOptions.LevelsFor)
        {
            foreach (var level in levels)
            {
                if (!options.Probabilities.TryGetValue(field, out var table) || !table.TryGetValue(level, out var probabilities))
                {
                    throw new ArgumentException($"The m/u table has no entry for {field} {level}.", nameof(options));
                }

                if (probabilities.M is not (> 0 and <= 1) || probabilities.U is not (> 0 and <= 1))
                {
                    throw new ArgumentException($"The m and u of {field} {level} must be above 0 and at most 1.", nameof(options));
                }
            }
        }

        if (options.LowerThreshold >= options.UpperThreshold)
        {
            throw new ArgumentException("The lower threshold must be below the upper threshold.", nameof(options));
        }

        if (options.TermFrequencyFloor is not (> 0 and <= 1))
        {
            throw new ArgumentException("The term-frequency floor must be above 0 and at most 1.", nameof(options));
        }

        if (options.ReferencePopulation <= 0)
        {
            throw new ArgumentException("The reference population must be at least one record.", nameof(options));
        }

        if (options.MaxCandidatesPerKey <= 0)
        {
            throw new ArgumentException("The largest block must hold at least one record.", nameof(options));
        }
    }

    private static string? Display(PersonRecord record, MatchField field) => field switch
    {
        MatchField.GivenName => string.IsNullOrWhiteSpace(record.PreferredName)
            ? Trimmed(record.GivenName)
            : MatchTexts.WithKnownAs(Trimmed(record.GivenName), record.PreferredName.Trim()),
        MatchField.FamilyName => Trimmed(record.FamilyName),
        MatchField.DateOfBirth => record.DateOfBirth?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        MatchField.Sex => record.Sex == Sex.NotKnown ? null : record.Sex.ToString(),
        MatchField.Postcode => Postcodes.Normalise(record.Postcode) ?? Trimmed(record.Postcode),
        MatchField.NhsNumber => PersonIdentifiers.NormaliseNhsNumber(record.NhsNumber) is { } nhs
            ? PersonIdentifiers.FormatNhsNumber(nhs)
            : Trimmed(record.NhsNumber),
        MatchField.UniquePupilNumber => PersonIdentifiers.NormaliseUniquePupilNumber(record.UniquePupilNumber) ?? Trimmed(record.UniquePupilNumber),
        MatchField.PncId => PersonIdentifiers.NormalisePncId(record.PncId) ?? Trimmed(record.PncId),
        MatchField.Email => ContactDetails.NormaliseEmail(record.Email) ?? Trimmed(record.Email),
        MatchField.Phone => ContactDetails.NormalisePhone(record.Phone) ?? Trimmed(record.Phone),
        MatchField.Town => Trimmed(record.Town),
        MatchField.Address => Trimmed($"{record.HouseNumber?.Trim()} {record.Street?.Trim()}"),
        MatchField.School => Trimmed(record.School),
        MatchField.Carers => record.Carers is { Count: > 0 } carers ? Trimmed(string.Join("; ", carers.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()))) : null,
        MatchField.OtherIdentifier => Trimmed(record.OtherIdentifier),
        _ => null,
    };

    /// <summary>
    /// Who issued a record's other identifier, as its own field for a page to name in its language (decision 0084); null
    /// without an identifier, and for an issuer that is not one of <see cref="IdentifierIssuer"/> (a batch's free text).
    /// </summary>
    private static IdentifierIssuer? Issuer(PersonRecord record) =>
        Trimmed(record.OtherIdentifier) is not null && Enum.TryParse<IdentifierIssuer>(Trimmed(record.OtherIdentifierIssuer), out var issuer) && Enum.IsDefined(issuer)
            ? issuer
            : null;

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Why a value present on a record was ignored, if it was.</summary>
    private static string? Ignored(PreparedRecord record, MatchField field)
    {
        var source = record.Source;
        return field switch
        {
            MatchField.Postcode when !string.IsNullOrWhiteSpace(source.Postcode) && record.Postcode.Full == 0 =>
                Words(record.PostcodeAsWritten is null ? MatchTexts.InvalidPostcode : MatchTexts.PostcodeAsWrittenUnmatched, source.Postcode.Trim()),
            MatchField.NhsNumber when !string.IsNullOrWhiteSpace(source.NhsNumber) && record.NhsNumber is null =>
                Words(MatchTexts.InvalidNhsNumber, source.NhsNumber.Trim()),
            MatchField.UniquePupilNumber when !string.IsNullOrWhiteSpace(source.UniquePupilNumber) && record.UniquePupilNumber is null =>
                Words(MatchTexts.InvalidUniquePupilNumber, source.UniquePupilNumber.Trim()),
            MatchField.PncId when !string.IsNullOrWhiteSpace(source.PncId) && record.PncId is null =>
                Words(MatchTexts.InvalidPncId, source.PncId.Trim()),
            MatchField.Email when !string.IsNullOrWhiteSpace(source.Email) && record.Email is null => MatchTexts.InvalidEmail,
            MatchField.Phone when !string.IsNullOrWhiteSpace(source.Phone) && record.Phone is null =>
                record.PhoneAsWritten is null ? MatchTexts.InvalidPhone : MatchTexts.PhoneAsWrittenUnmatched,
            MatchField.OtherIdentifier when !string.IsNullOrWhiteSpace(source.OtherIdentifier) && record.OtherIdentifier is null => MatchTexts.IssuerNotGiven,
            _ => null,
        };
    }

    /// <summary>
    /// Why agreeing postcodes were not counted: the house and street say the home already (decision 0102 for postcodes
    /// compared as written, 0109 for the same UK postcode).
    /// </summary>
    private static string? PostcodeHomeCountedOnce(PreparedRecord left, PreparedRecord right)
    {
        if (left.PostcodeAsWritten is not null && right.PostcodeAsWritten is not null)
        {
            return Postcodes.CompareAsWritten(left.PostcodeAsWritten, right.PostcodeAsWritten) is AgreementLevel.AsWritten or AgreementLevel.Similar
                ? Words(MatchTexts.PostcodeAsWrittenHomeOnce, left.Source.Postcode!.Trim())
                : null;
        }

        return left.Postcode.Full != 0 && Postcodes.Compare(left.Postcode, right.Postcode) == AgreementLevel.Exact
            ? Words(MatchTexts.PostcodeHomeOnce, Postcodes.Normalise(left.Source.Postcode)!)
            : null;
    }

    /// <summary>A sentence of <see cref="MatchTexts"/> filled in, in English: the edge says it in the reader's language (decision 0095).</summary>
    private static string Words(string text, params string[] values) => MatchWords.Of(text, values).ToString();

    private static string Reason(VetoRule rule, FieldLevels levels, PreparedRecord left, PreparedRecord right) => rule switch
    {
        VetoRule.TwinDifferentGivenNames => Words(
            MatchTexts.TwinDifferentGivenNames, Display(left.Source, MatchField.GivenName) ?? string.Empty, Display(right.Source, MatchField.GivenName) ?? string.Empty),
        VetoRule.TwinDifferentSexes => Words(MatchTexts.TwinDifferentSexes, left.KnownSex.ToString(), right.KnownSex.ToString()),
        VetoRule.Sibling => levels.SamePostcode || levels.Address == AgreementLevel.Exact ? MatchTexts.SiblingAtOneAddress : MatchTexts.Sibling,
        VetoRule.TwinSimilarGivenNames => MatchTexts.TwinSimilarGivenNames,
        VetoRule.IdentifiersConflict => MatchTexts.IdentifiersConflict,
        VetoRule.GivenNameMissing => MatchTexts.GivenNameMissing,
        VetoRule.OwnDetailsSilent => MatchTexts.OwnDetailsSilent,
        VetoRule.NameFormOnly => Words(
            MatchTexts.NameFormOnly, Display(left.Source, MatchField.GivenName) ?? string.Empty, Display(right.Source, MatchField.GivenName) ?? string.Empty),
        _ => rule.ToString(),
    };

    /// <summary>The rules that fire for these levels (before any identifier downgrade).</summary>
    private static VetoFlags Vetoes(in FieldLevels levels)
    {
        var familyAgrees = levels.FamilyName is AgreementLevel.Exact or AgreementLevel.Partial or AgreementLevel.Similar;
        var sameBirth = familyAgrees && levels.DateOfBirth == AgreementLevel.Exact;
        var flags = VetoFlags.None;
        if (sameBirth && levels.GivenName == AgreementLevel.Disagree)
        {
            flags |= VetoFlags.TwinDifferentGivenNames;
        }

        if (sameBirth && levels.Sex == AgreementLevel.Disagree)
        {
            flags |= VetoFlags.TwinDifferentSexes;
        }

        // Any present date that is not the same counts, a near one too (swapped, one digit, a year out): with the given
        // names different, a slip in the date does not make two children one, and twins' records have slips as well.
        var birthDiffers = levels.DateOfBirth is not (AgreementLevel.Exact or AgreementLevel.Missing);
        if (familyAgrees && levels.GivenName is AgreementLevel.Disagree or AgreementLevel.Approximate && birthDiffers)
        {
            flags |= VetoFlags.Sibling;
        }

        if (sameBirth && levels.GivenName is AgreementLevel.Phonetic or AgreementLevel.Approximate)
        {
            flags |= VetoFlags.TwinSimilarGivenNames;
        }

        if (sameBirth && levels.GivenName == AgreementLevel.Missing)
        {
            flags |= VetoFlags.GivenNameMissing;
        }

        // A conflicting identifier weighs against the pair (its Disagree weight) but stops it only when something else
        // is less than certain: with the same name and the same household (postcode, house and street, e-mail address or
        // phone number), the identifier is the slip. Twins and siblings share the household but never a given name; a
        // namesake shares the name and birth date but not the household. The date of birth need only not contradict
        // (the same, one slip out, or not given on one record; decision 0072); with no family name on one record it
        // must be the same, since a given name and a postcode alone are shared by neighbours.
        var conflict = levels.NhsNumber == AgreementLevel.Disagree || levels.UniquePupilNumber == AgreementLevel.Disagree || levels.PncId == AgreementLevel.Disagree;
        if (conflict && !IdentifierIsTheSlip(levels))
        {
            flags |= VetoFlags.IdentifiersConflict;
        }

        // The sibling rule, where it fires, already says as much and stops the pair.
        if ((flags & VetoFlags.Sibling) == 0 && OwnDetailsSilent(levels))
        {
            flags |= VetoFlags.OwnDetailsSilent;
        }

        if (NameFormOnly(levels))
        {
            flags |= VetoFlags.NameFormOnly;
        }

        return flags;
    }

    /// <summary>
    /// Whether the rest of the pair says one child so plainly that a different valid identifier must be the slip: the
    /// given name agrees (or both names are written the wrong way round), the household agrees, and neither the family
    /// name nor the date of birth contradicts it.
    /// </summary>
    private static bool IdentifierIsTheSlip(in FieldLevels levels)
    {
        if (!levels.SameHousehold)
        {
            return false;
        }

        // Twins' numbers are issued in sequence and twins may have names a slip apart (Harri and Harry): a given name
        // that is only close, or a nickname, needs the full date of birth as before; the same given name never is twins.
        var sameGiven = levels.GivenName == AgreementLevel.Exact
            || (levels.GivenName == AgreementLevel.Swapped && levels.FamilyName == AgreementLevel.Swapped);
        var givenAgrees = sameGiven || levels.GivenName is AgreementLevel.Equivalent or AgreementLevel.Similar;
        var familyAgrees = levels.FamilyName is AgreementLevel.Exact or AgreementLevel.Partial or AgreementLevel.Similar or AgreementLevel.Swapped;
        var sameBirth = levels.DateOfBirth == AgreementLevel.Exact;
        return (givenAgrees && familyAgrees && sameBirth)
            || (sameGiven && familyAgrees && levels.DateOfBirth is not AgreementLevel.Disagree)
            || (sameGiven && levels.FamilyName == AgreementLevel.Missing && sameBirth);
    }

    /// <summary>
    /// Whether the child's own details say nothing of one child (decision 0090): the given name differs (not a slip or a
    /// form of it) or is missing, and the date of birth differs or is missing. What agrees is then the family name and the
    /// home: the address, postcode, town, carers, school and a parent's phone or e-mail, which brothers and sisters share
    /// and which the weights count as independent evidence of one child. The home alone never links: a person checks.
    /// A valid identifier that agrees (NHS number, pupil number, PNC ID) is the child's own and speaks for them.
    /// Given names that only sound alike or are two slips apart count as differing here (brothers and sisters are given
    /// such names: Ella and Ellie), unless one is a typing slip of the other (<see cref="IsGivenNameSlip"/>; set aside in
    /// <see cref="CapOf"/>).
    /// </summary>
    private static bool OwnDetailsSilent(in FieldLevels levels) =>
        levels.GivenName is AgreementLevel.Disagree or AgreementLevel.Missing or AgreementLevel.Phonetic or AgreementLevel.Approximate
        && levels.DateOfBirth is AgreementLevel.Disagree or AgreementLevel.Missing
        && !levels.IdentifierAgrees;

    /// <summary>
    /// An e-mail address or phone number that is the child's own on both records and the same is the child's own detail
    /// (decision 0092): it says one child as an identifier does, so <see cref="OwnDetailsSilent"/> and <see cref="NameFormOnly"/> do not hold. A parent's
    /// or carer's, or one whose owner a record does not say, stays the home's evidence, which brothers and sisters share.
    /// </summary>
    private static VetoFlags OwnContactSpeaks(VetoFlags vetoes, in FieldLevels levels, PreparedRecord left, PreparedRecord right) =>
        (vetoes & ChildsOwnSpeaks) != 0
        && ((levels.Email == AgreementLevel.Exact && left.EmailIsOwn && right.EmailIsOwn)
            || (levels.Phone == AgreementLevel.Exact && left.PhoneIsOwn && right.PhoneIsOwn))
            ? vetoes & ~ChildsOwnSpeaks
            : vetoes;

    /// <summary>
    /// The rules that hold a pair because nothing of the child's own says one child, and that a child's own agreeing
    /// contact answers: <see cref="OwnDetailsSilent"/> (0090) and <see cref="NameFormOnly"/> (0093, which also stands
    /// aside for an agreeing identifier). A brother's or sister's own phone never agrees with the child's.
    /// </summary>
    private const VetoFlags ChildsOwnSpeaks = VetoFlags.OwnDetailsSilent | VetoFlags.NameFormOnly;

    /// <summary>
    /// Whether the given names agree only as forms of one name (a nickname, or the Welsh or English form) with nothing else
    /// of the child's own to say one child (decision 0093): no valid identifier agrees, and the date of birth differs, or is
    /// missing with the sexes differing or the family name not agreeing. A brother and a sister can be given forms of one
    /// name (Alex for Alexandra, and Alexander), a half brother too; the Equivalent weight and the home they share then
    /// linked them, as the home alone did before decision 0090. Two brothers or two sisters of one family name are not given
    /// forms of one name, so with the same family name and sex a missing date of birth leaves the score to decide (on the
    /// labelled sets that shape is one child). With the same date of birth the twin rules speak instead.
    /// </summary>
    private static bool NameFormOnly(in FieldLevels levels) =>
        levels.GivenName == AgreementLevel.Equivalent
        && !levels.IdentifierAgrees
        && (levels.DateOfBirth == AgreementLevel.Disagree
            || (levels.DateOfBirth == AgreementLevel.Missing
                && (levels.Sex == AgreementLevel.Disagree
                    || levels.FamilyName is not (AgreementLevel.Exact or AgreementLevel.Partial or AgreementLevel.Similar))));

    private static MatchDecision CapOf(VetoRule rule, in FieldLevels levels, bool givenSlip, bool givenFarSlip = false, bool identifierMistyped = false)
    {
        var cap = rule is VetoRule.TwinSimilarGivenNames or VetoRule.GivenNameMissing or VetoRule.IdentifiersConflict or VetoRule.OwnDetailsSilent or VetoRule.NameFormOnly ? MatchDecision.Review : MatchDecision.NewChild;
        if (SetAsideByIdentifier(rule, levels))
        {
            return MatchDecision.Link;
        }

        if (rule is VetoRule.OwnDetailsSilent or VetoRule.NameFormOnly && identifierMistyped)
        {
            // The child's own identifier written wrongly speaks for the child as the same one does (decision 0098).
            return MatchDecision.Link;
        }

        if (rule == VetoRule.IdentifiersConflict && OtherEvidenceOutweighs(levels))
        {
            // Weighed, not capped (decision 0088): the different identifier's own weight counts against the pair and the
            // score decides; the twin and sibling rules, which fire on their own, still stop two children of one family.
            return MatchDecision.Link;
        }

        if (givenSlip && rule is VetoRule.TwinSimilarGivenNames or VetoRule.OwnDetailsSilent)
        {
            // A typing slip, not a second name (decision 0057): the score decides, as for a close spelling.
            return MatchDecision.Link;
        }

        if (givenSlip && rule == VetoRule.Sibling && DateIsASlip(levels) && levels.Sex != AgreementLevel.Disagree)
        {
            // A slip in the name and a slip in the date (decision 0080): a brother or sister would need the child's own
            // given name, which brothers and sisters are not given, so the sibling rule has nothing to stand on and the
            // score decides, as it does for the twin caution in decision 0057. Measured one child on every labelled set. Not
            // when the sexes differ: a brother and a sister is then as likely, and a person decides (below).
            return MatchDecision.Link;
        }

        if (givenSlip && rule == VetoRule.Sibling && (levels.DateOfBirth != AgreementLevel.Disagree || levels.Sex != AgreementLevel.Disagree))
        {
            // A year out (the same day and month): a brother or sister born a year later is as likely; a person decides. So
            // too with another date of birth and the sexes not differing (decision 0103), as for a given name three slips off
            // (decision 0098): a spelling no one has, one or two slips from the child's name, is no brother's or sister's
            // name, and the nearer slip must not be stopped where the farther one is shown to a person.
            cap = MatchDecision.Review;
        }

        if (rule == VetoRule.Sibling && (identifierMistyped || (givenFarSlip && levels.Sex != AgreementLevel.Disagree)))
        {
            // One child's identifier written wrongly, or a given name mistyped beyond a slip (decision 0098): never linked,
            // but shown to a person rather than dropped, who can tell a brother or sister from one child written twice.
            cap = MatchDecision.Review;
        }

        if (OfferedDespiteRule(rule, levels))
        {
            // Twin or the same child with one name replaced or mistyped: never linked, but shown to a person (decision 0077).
            cap = MatchDecision.Review;
        }

        // With an agreeing identifier but a date of birth that disagrees (or none), the identifier outweighs the shape
        // of the record, but not entirely: a person decides.
        return levels.IdentifierAgrees ? cap + 1 : cap;
    }

    /// <summary>
    /// Whether a different valid identifier is weighed rather than capped (issue 18, decision 0088). Measured on all three
    /// labelled sets, identifiers that differ are wholly different (a re-issued or replaced number, or another child's),
    /// never a slip the check misses (two valid identifiers a few characters apart Disagree as well: decision 0103), so the
    /// identifier's Disagree weight, a strong negative, is the evidence, and the cap is lifted when nothing marks two
    /// children: the household agrees (postcode, house and street, e-mail address or phone number: a namesake lives
    /// elsewhere), the sexes and the dates of birth do not differ, and the given name is the same (or both names are
    /// written the wrong way round: brothers, sisters and twins are given their own names) with the full date of birth or
    /// a family name that is not missing or different. Given names that are only alike (a middle name, a nickname, a close
    /// spelling) do not lift the cap: twins can be given each other's name as a middle name ("Ella Grace" and "Grace
    /// Ella", "Lily" and "Lily-Mae"), no twin rule fires on a partial name, and the different identifier is then the one
    /// thing that keeps them apart (found in review at merge). Then the score, with the identifier's weight in it, decides
    /// whether the pair links. This widens <see cref="IdentifierIsTheSlip"/> (decisions 0067, 0072), which stays.
    /// </summary>
    private static bool OtherEvidenceOutweighs(in FieldLevels levels)
    {
        if (!levels.SameHousehold || levels.Sex == AgreementLevel.Disagree || levels.DateOfBirth == AgreementLevel.Disagree)
        {
            return false;
        }

        var bothSwapped = levels.GivenName == AgreementLevel.Swapped && levels.FamilyName == AgreementLevel.Swapped;
        var familyAlike = levels.FamilyName is not (AgreementLevel.Missing or AgreementLevel.Disagree);
        var sameBirth = levels.DateOfBirth == AgreementLevel.Exact;
        return ((levels.GivenName == AgreementLevel.Exact || bothSwapped) && (sameBirth || familyAlike)) || SameNameAtHome(levels);
    }

    /// <summary>
    /// The same given name at a home a neighbour does not share (decision 0093): the house and street, the phone number or
    /// the e-mail address the same (not the postcode alone), the sexes and dates of birth not differing. The family name may
    /// differ or be missing: a child's family name changes (a step-parent, adoption, a corruption), while brothers and
    /// sisters, who share that home, are never given one name, and a namesake does not share it.
    /// </summary>
    private static bool SameNameAtHome(in FieldLevels levels) =>
        levels.GivenName == AgreementLevel.Exact
        && (levels.Address == AgreementLevel.Exact || levels.Phone == AgreementLevel.Exact || levels.Email == AgreementLevel.Exact)
        && levels.Sex != AgreementLevel.Disagree
        && levels.DateOfBirth != AgreementLevel.Disagree;

    /// <summary>
    /// Whether an identifier with a check character that fails its check is one slip from the other record's valid one
    /// (decision 0098 for the NHS number, 0103 for the UPN and PNC ID), with no identifier differing: that identifier written
    /// wrongly, which the check's failure shows, so <see cref="OwnDetailsSilent"/> and <see cref="NameFormOnly"/> stand aside
    /// as they do for the same identifier, and the sibling rule lets a person decide. Never two VALID identifiers, which
    /// <see cref="FieldComparer.Identifier"/> reads as Disagree however close (decision 0103): the check catches every single
    /// slip and every swap of neighbours, so two valid identifiers are never one slip apart, and twins' numbers issued a few
    /// apart often differ in two characters.
    /// </summary>
    private static bool IdentifierMistyped(in FieldLevels levels, PreparedRecord left, PreparedRecord right) =>
        levels.NhsNumber != AgreementLevel.Disagree && levels.UniquePupilNumber != AgreementLevel.Disagree && levels.PncId != AgreementLevel.Disagree
        && ((levels.NhsNumber == AgreementLevel.Similar && (left.NhsNumber is null) != (right.NhsNumber is null))
            || (levels.UniquePupilNumber == AgreementLevel.Similar && (left.UniquePupilNumber is null) != (right.UniquePupilNumber is null))
            || (levels.PncId == AgreementLevel.Similar && (left.PncId is null) != (right.PncId is null)));

    /// <summary>A date of birth one typing slip from the other: one digit, or day and month swapped.</summary>
    private static bool DateIsASlip(in FieldLevels levels) =>
        levels.DateOfBirth is AgreementLevel.OneDigitOff or AgreementLevel.DayMonthSwapped;

    /// <summary>
    /// Whether a twin or sibling rule that would stop a pair outright yields to a person instead (issue 18; decision
    /// 0077): the family name and the home or contact details agree, so the pair is either two children of one family or
    /// one child with a name replaced or mistyped, and only a person can tell. For the twin rule, the full date of birth
    /// (which the rule needs) and at least one of postcode, address, town, e-mail, phone, school or carers the same; for
    /// the sibling rule, given names two slips apart, a date of birth one slip apart (a digit, or day and month swapped)
    /// and one of those the same. A different sex, or different valid identifiers (twins each have their own), still
    /// stop the pair. The score decides whether the pair reaches the review band at all: this lifts the floor, never
    /// the ceiling.
    /// </summary>
    private static bool OfferedDespiteRule(VetoRule rule, in FieldLevels levels)
    {
        var somethingOfHome = levels.SamePostcode || levels.Address == AgreementLevel.Exact
            || levels.Town == AgreementLevel.Exact || levels.Email == AgreementLevel.Exact || levels.Phone == AgreementLevel.Exact
            || levels.School == AgreementLevel.Exact || levels.Carers == AgreementLevel.Exact;
        var identifiersDiffer = levels.NhsNumber == AgreementLevel.Disagree || levels.UniquePupilNumber == AgreementLevel.Disagree
            || levels.PncId == AgreementLevel.Disagree;
        return somethingOfHome && !identifiersDiffer && rule switch
        {
            VetoRule.TwinDifferentGivenNames => levels.Sex != AgreementLevel.Disagree,
            VetoRule.Sibling => levels.Sex != AgreementLevel.Disagree && levels.GivenName == AgreementLevel.Approximate
                && levels.DateOfBirth is AgreementLevel.OneDigitOff or AgreementLevel.DayMonthSwapped,

            // A brother and sister born together are given two names; the same or a like name (one missing, too) with
            // another sex recorded is as likely the same child with the sex written wrongly (decision 0081).
            VetoRule.TwinDifferentSexes => levels.GivenName != AgreementLevel.Disagree,
            _ => false,
        };
    }

    /// <summary>
    /// Twins and siblings do not share an NHS number, pupil number or PNC ID (issue 18; decision 0057): with the same
    /// valid identifier and a date of birth that is the same or one slip from it, the twin and sibling rules stand aside
    /// wherever the child lives now. With another date of birth the sibling rule stands aside too when the given names
    /// are only two slips apart (decision 0072): an agreeing identifier is set against a pair only when the names and
    /// the date both disagree, a brother's number on his sister's record. Never for "other identifier": some services
    /// number a family.
    /// </summary>
    private static bool SetAsideByIdentifier(VetoRule rule, in FieldLevels levels) =>
        rule != VetoRule.IdentifiersConflict && levels.IdentifierAgrees
        && (levels.DateOfBirth is not (AgreementLevel.Disagree or AgreementLevel.Missing)
            || (rule == VetoRule.Sibling && levels.GivenName == AgreementLevel.Approximate));

    /// <summary>
    /// Whether given names the twin rules would stop are typing slips rather than two names (decisions 0057, 0076):
    /// the first given names are spelt one or two slips apart (<see cref="AgreementLevel.Approximate"/>: a single edit
    /// or transposition, or two in names of five letters or more), and the register knows one spelling as a name and
    /// the other at most a twentieth as often. Ruby and Tuby, or Bethany and Pethanu, are one child; Tom and Tim, Mia
    /// and Mya, or Megan and Morgan are all names in use and could be twins, and names that only sound alike (Jack and
    /// Jake) are never a slip. Without name frequencies there is no evidence either way, and the caution stands.
    /// </summary>
    private bool IsGivenNameSlip(in FieldLevels levels, PreparedRecord left, PreparedRecord right)
    {
        if (_frequencies is null || levels.GivenName is not (AgreementLevel.Approximate or AgreementLevel.Phonetic)
            || left.GivenNames.Length == 0 || right.GivenNames.Length == 0)
        {
            return false;
        }

        var a = left.GivenNames[0];
        var b = right.GivenNames[0];
        if (!FieldComparer.IsApproximate(a, b))
        {
            return false;
        }

        var shareA = _frequencies.GivenName(a) ?? 0;
        var shareB = _frequencies.GivenName(b) ?? 0;
        var common = Math.Max(shareA, shareB);
        return common > 0 && Math.Min(shareA, shareB) * RareSpellingRatio <= common;
    }

    /// <summary>
    /// Whether given names the sibling rule would stop are one name mistyped three times rather than a brother's or
    /// sister's (decision 0098): the first given names are three slips apart, both five letters or more, and the register
    /// knows one spelling as a name and the other at most a twentieth as often (<see cref="IsGivenNameSlip"/>'s test).
    /// Brothers and sisters are given names in use; a spelling no one else has, three slips from the child's name, is that
    /// name written badly. Too far to let the score decide: a person does.
    /// </summary>
    private bool IsGivenNameFarSlip(in FieldLevels levels, PreparedRecord left, PreparedRecord right)
    {
        if (_frequencies is null || levels.GivenName != AgreementLevel.Disagree || left.GivenNames.Length == 0 || right.GivenNames.Length == 0)
        {
            return false;
        }

        var a = left.GivenNames[0];
        var b = right.GivenNames[0];
        if (Math.Min(a.Length, b.Length) < 5 || Math.Abs(a.Length - b.Length) > 3 || StringSimilarity.OptimalStringAlignmentDistance(a, b) != 3)
        {
            return false;
        }

        var shareA = _frequencies.GivenName(a) ?? 0;
        var shareB = _frequencies.GivenName(b) ?? 0;
        var common = Math.Max(shareA, shareB);
        return common > 0 && Math.Min(shareA, shareB) * RareSpellingRatio <= common;
    }

    private double Weight(MatchField field, AgreementLevel level) =>
        level == AgreementLevel.Missing ? 0 : _weights[Slot(field, level)];

    /// <summary>The exact-agreement weight of a name, adjusted for how common it is when that is known.</summary>
    private double ExactNameWeight(MatchField field, string key, out double? frequency)
    {
        frequency = null;
        if (_frequencies is not null && key.Length > 0)
        {
            frequency = field == MatchField.FamilyName ? _frequencies.FamilyName(key) : _frequencies.GivenName(key);
        }

        if (frequency is not (> 0 and <= 1))
        {
            frequency = null;
            return _weights[Slot(field, AgreementLevel.Exact)];
        }

        return Math.Log2(_m[Slot(field, AgreementLevel.Exact)] / Math.Max(frequency.Value, Options.TermFrequencyFloor));
    }

    private ProbeWeights ProbeWeightsFor(PreparedRecord probe)
    {
        var given = new double[probe.GivenNames.Length];
        for (var i = 0; i < given.Length; i++)
        {
            given[i] = ExactNameWeight(MatchField.GivenName, probe.GivenNames[i], out _);
        }

        var familyExact = ExactNameWeight(MatchField.FamilyName, probe.FamilyKey, out _);
        var bound = Math.Max(0, given.Append(BestWeight(MatchField.GivenName)).Max())
            + Math.Max(0, Math.Max(familyExact, BestWeight(MatchField.FamilyName)));
        return new ProbeWeights(
            familyExact,
            given,
            bound,
            SwappedNameWeight(MatchField.GivenName, probe.GivenNames.FirstOrDefault() ?? string.Empty),
            SwappedNameWeight(MatchField.FamilyName, probe.FamilyKey));
    }

    /// <summary>
    /// The weight of names written the wrong way round, adjusted for how common the name is in the other role: the
    /// chance that a stranger's family name is this record's given name is that name's share of family names
    /// ("James Lewis" and "Lewis James" are often two people; "Megan Evans" and "Evans Megan" seldom are). Never more
    /// than the level's own weight and never below zero: the adjustment only says that a swap of common names is weaker
    /// evidence, not evidence against.
    /// </summary>
    private double SwappedNameWeight(MatchField field, string key)
    {
        var level = _weights[Slot(field, AgreementLevel.Swapped)];
        if (_frequencies is null || key.Length == 0)
        {
            return level;
        }

        // The two fields are one event: the given name's m is the chance a true pair is written the wrong way round, and
        // given that, the family name is swapped too (m = 1), so the pair's evidence is m / (share × share).
        var share = field == MatchField.GivenName ? _frequencies.FamilyName(key) : _frequencies.GivenName(key);
        var m = field == MatchField.GivenName ? _m[Slot(field, AgreementLevel.Swapped)] : 1;
        return share is > 0 and <= 1
            ? Math.Clamp(Math.Log2(m / Math.Max(share.Value, Options.TermFrequencyFloor)), 0, Math.Max(0, level))
            : level;
    }

    /// <summary>The highest weight any level of a field can add.</summary>
    private double BestWeight(MatchField field) => MatchingOptions.LevelsFor[field].Max(level => Weight(field, level));

    private Scored Score(in FieldLevels levels, ProbeWeights weights, int givenExactIndex, PreparedRecord left, PreparedRecord right)
    {
        var raw = levels.GivenName switch
            {
                AgreementLevel.Exact => weights.GivenExact[givenExactIndex],
                AgreementLevel.Swapped => weights.GivenSwapped,
                _ => Weight(MatchField.GivenName, levels.GivenName),
            }
            + levels.FamilyName switch
            {
                AgreementLevel.Exact => weights.FamilyExact,
                AgreementLevel.Swapped => weights.FamilySwapped,
                _ => Weight(MatchField.FamilyName, levels.FamilyName),
            }
            + Weight(MatchField.DateOfBirth, levels.DateOfBirth)
            + Weight(MatchField.Sex, levels.Sex)
            + Weight(MatchField.Postcode, levels.Postcode)
            + Weight(MatchField.NhsNumber, levels.NhsNumber)
            + Weight(MatchField.UniquePupilNumber, levels.UniquePupilNumber)
            + Weight(MatchField.PncId, levels.PncId)
            + Weight(MatchField.Email, levels.Email)
            + Weight(MatchField.Phone, levels.Phone)
            + Weight(MatchField.Town, levels.Town)
            + Weight(MatchField.Address, levels.Address)
            + Weight(MatchField.School, levels.School)
            + Weight(MatchField.Carers, levels.Carers)
            + Weight(MatchField.OtherIdentifier, levels.OtherIdentifier);

        var vetoes = OwnContactSpeaks(Vetoes(levels), levels, left, right);
        if (vetoes == VetoFlags.None)
        {
            return new Scored(raw, raw, vetoes);
        }

        var identifierAgrees = levels.IdentifierAgrees;
        var givenSlip = IsGivenNameSlip(levels, left, right);
        var givenFarSlip = (vetoes & VetoFlags.Sibling) != 0 && IsGivenNameFarSlip(levels, left, right);
        var identifierMistyped = IdentifierMistyped(levels, left, right);
        var cap = MatchDecision.Link;
        foreach (var rule in Rules)
        {
            if ((vetoes & Flag(rule)) != 0)
            {
                var ruleCap = CapOf(rule, levels, givenSlip, givenFarSlip, identifierMistyped);
                cap = ruleCap < cap ? ruleCap : cap;
            }
        }

        var final = cap switch
        {
            MatchDecision.NewChild => Math.Min(raw, Options.LowerThreshold - CapMargin),
            MatchDecision.Review when identifierAgrees => Math.Clamp(raw, Options.LowerThreshold, Options.UpperThreshold - CapMargin),
            MatchDecision.Review => Math.Min(raw, Options.UpperThreshold - CapMargin),
            _ => raw,
        };
        return new Scored(raw, final, vetoes);
    }

    private MatchResult Explain(PreparedRecord left, PreparedRecord right, ProbeWeights weights)
    {
        var levels = FieldComparer.Compare(left, right, out var givenExactIndex);
        var scored = Score(levels, weights, givenExactIndex, left, right);

        var fields = new List<FieldComparison>(Fields.Length);
        foreach (var field in Fields)
        {
            var level = levels[field];
            var weight = Weight(field, level);
            string? note = null;
            if (level == AgreementLevel.Exact && field is MatchField.GivenName or MatchField.FamilyName)
            {
                var key = field == MatchField.GivenName ? left.GivenNames[givenExactIndex] : left.FamilyKey;
                weight = ExactNameWeight(field, key, out var frequency);
                if (frequency is { } share)
                {
                    note = Words(
                        field == MatchField.GivenName ? MatchTexts.GivenNameFrequency : MatchTexts.FamilyNameFrequency,
                        key,
                        share.ToString("P2", CultureInfo.InvariantCulture),
                        weight.ToString("0.00", CultureInfo.InvariantCulture));
                }
            }
            else if (level == AgreementLevel.Swapped)
            {
                weight = field == MatchField.GivenName ? weights.GivenSwapped : weights.FamilySwapped;
                note = Note(field, level, left, right);
            }
            else if (level == AgreementLevel.Missing)
            {
                note = (field == MatchField.Postcode ? PostcodeHomeCountedOnce(left, right) : null)
                    ?? Ignored(left, field) ?? Ignored(right, field)
                    ?? (field == MatchField.OtherIdentifier && left.OtherIdentifier is not null && right.OtherIdentifier is not null
                        ? MatchTexts.OtherIssuers
                        : null);
            }
            else
            {
                note = Note(field, level, left, right);
            }

            fields.Add(field == MatchField.OtherIdentifier
                ? new FieldComparison(field, Display(left.Source, field), Display(right.Source, field), level, weight, note, Issuer(left.Source), Issuer(right.Source))
                : new FieldComparison(field, Display(left.Source, field), Display(right.Source, field), level, weight, note));
        }

        var vetoes = new List<MatchVeto>();
        var givenSlip = IsGivenNameSlip(levels, left, right);
        var givenFarSlip = (scored.Vetoes & VetoFlags.Sibling) != 0 && IsGivenNameFarSlip(levels, left, right);
        var identifierMistyped = IdentifierMistyped(levels, left, right);
        foreach (var rule in Rules)
        {
            if ((scored.Vetoes & Flag(rule)) == 0)
            {
                continue;
            }

            var cap = CapOf(rule, levels, givenSlip, givenFarSlip, identifierMistyped);
            var reason = Reason(rule, levels, left, right);
            VetoGround? ground = null;
            var slipApplies = givenSlip && (rule is VetoRule.TwinSimilarGivenNames or VetoRule.OwnDetailsSilent
                || (rule == VetoRule.Sibling && (levels.DateOfBirth != AgreementLevel.Disagree || levels.Sex != AgreementLevel.Disagree)));
            if (slipApplies && !SetAsideByIdentifier(rule, levels))
            {
                var oneSlip = StringSimilarity.OptimalStringAlignmentDistance(left.GivenNames[0], right.GivenNames[0]) == 1;
                var dateSlip = rule == VetoRule.Sibling && DateIsASlip(levels) && cap == MatchDecision.Link;
                ground = dateSlip ? VetoGround.GivenNameAndDateSlip : VetoGround.GivenNameSlip;
                reason += " " + (cap, dateSlip, oneSlip) switch
                {
                    (MatchDecision.Link, true, true) => MatchTexts.OneSlipAndDateSetAside,
                    (MatchDecision.Link, true, false) => MatchTexts.TwoSlipsAndDateSetAside,
                    (MatchDecision.Link, false, true) => MatchTexts.OneSlipSetAside,
                    (MatchDecision.Link, false, false) => MatchTexts.TwoSlipsSetAside,
                    (_, _, true) => MatchTexts.OneSlipPersonDecides,
                    _ => MatchTexts.TwoSlipsPersonDecides,
                };
            }
            else if (cap == MatchDecision.Review && OfferedDespiteRule(rule, levels) && !levels.IdentifierAgrees)
            {
                ground = VetoGround.SharedHome;
                reason += " " + rule switch
                {
                    VetoRule.TwinDifferentGivenNames => MatchTexts.SharedHomeGivenName,
                    VetoRule.TwinDifferentSexes => MatchTexts.SharedHomeSex,
                    _ => MatchTexts.SharedHomeSlips,
                };
            }
            else if (rule == VetoRule.IdentifiersConflict && cap == MatchDecision.Link)
            {
                ground = VetoGround.OtherEvidenceOutweighs;
                reason += " " + MatchTexts.OtherEvidenceOutweighs;
            }
            else if (!levels.IdentifierAgrees && identifierMistyped && rule is VetoRule.OwnDetailsSilent or VetoRule.NameFormOnly or VetoRule.Sibling)
            {
                ground = VetoGround.IdentifierNearlyAgrees;
                reason += " " + (cap == MatchDecision.Link ? MatchTexts.IdentifierNearlyAgreesSetAside : MatchTexts.IdentifierNearlyAgreesPersonDecides);
            }
            else if (rule == VetoRule.Sibling && cap == MatchDecision.Review && givenFarSlip && !levels.IdentifierAgrees)
            {
                ground = VetoGround.GivenNameFarSlip;
                reason += " " + MatchTexts.GivenNameFarSlipPersonDecides;
            }
            else if (levels.IdentifierAgrees)
            {
                ground = VetoGround.IdentifierAgrees;
                reason += " " + (cap == MatchDecision.Link ? MatchTexts.IdentifierAgreesSetAside : MatchTexts.IdentifierAgreesPersonDecides);
            }

            vetoes.Add(new MatchVeto(rule, cap, reason, ground));
        }

        return new MatchResult(left.Source.Id, right.Source.Id, scored.Final, scored.Raw, Decide(scored.Final), fields, vetoes);
    }

    private static string? Note(MatchField field, AgreementLevel level, PreparedRecord left, PreparedRecord right) => level switch
    {
        AgreementLevel.Equivalent => MatchTexts.Equivalent,
        AgreementLevel.Similar when IsMistyped(field, left) || IsMistyped(field, right) => MatchTexts.NhsNumberMistyped,
        AgreementLevel.Similar when field is MatchField.Email or MatchField.Phone => MatchTexts.ContactSlip,
        AgreementLevel.Similar when field is MatchField.Town or MatchField.School => MatchTexts.SpeltALittleDifferently,
        AgreementLevel.Similar when field == MatchField.Address => MatchTexts.AddressStreetSpelt,
        AgreementLevel.Similar when field == MatchField.Carers => MatchTexts.CarerSpelt,
        AgreementLevel.Similar when field is MatchField.OtherIdentifier or MatchField.Postcode => MatchTexts.OtherIdentifierSlip,
        AgreementLevel.AsWritten => field == MatchField.Postcode ? MatchTexts.PostcodesAsWritten : MatchTexts.PhonesAsWritten,
        AgreementLevel.Partial when field == MatchField.Address => MatchTexts.AddressSameStreet,
        AgreementLevel.Partial when field == MatchField.Carers => MatchTexts.CarerGivenNameOnly,
        AgreementLevel.Similar => Words(MatchTexts.CloseSpelling, BestSimilarity(field, left, right).ToString("0.000", CultureInfo.InvariantCulture)),
        AgreementLevel.Partial => field == MatchField.FamilyName ? MatchTexts.FamilyNamePart : MatchTexts.GivenNamePart,
        AgreementLevel.Phonetic => MatchTexts.Phonetic,
        AgreementLevel.Swapped => MatchTexts.Swapped,
        AgreementLevel.Approximate => MatchTexts.Approximate,
        AgreementLevel.DayMonthSwapped => MatchTexts.DayMonthSwapped,
        AgreementLevel.OneDigitOff => MatchTexts.OneDigitOff,
        AgreementLevel.YearOffByOne => MatchTexts.YearOffByOne,
        AgreementLevel.Sector => MatchTexts.Sector,
        AgreementLevel.District => MatchTexts.District,
        AgreementLevel.Disagree when field is MatchField.NhsNumber or MatchField.UniquePupilNumber or MatchField.PncId => MatchTexts.IdentifiersDiffer,
        _ => null,
    };

    /// <summary>Whether a record's identifier of this kind was read as written wrongly (failing its check; decisions 0098, 0103).</summary>
    private static bool IsMistyped(MatchField field, PreparedRecord record) => field switch
    {
        MatchField.NhsNumber => record.MistypedNhsNumber is not null,
        MatchField.UniquePupilNumber => record.MistypedUniquePupilNumber is not null,
        MatchField.PncId => record.MistypedPncId is not null,
        _ => false,
    };

    private static double BestSimilarity(MatchField field, PreparedRecord left, PreparedRecord right)
    {
        if (field == MatchField.FamilyName)
        {
            return StringSimilarity.JaroWinkler(left.FamilyKey, right.FamilyKey);
        }

        var best = 0.0;
        foreach (var a in left.GivenNames)
        {
            foreach (var b in right.GivenNames)
            {
                best = Math.Max(best, StringSimilarity.JaroWinkler(a, b));
            }
        }

        return best;
    }

    private static VetoFlags Flag(VetoRule rule) => (VetoFlags)(1 << (int)rule);

    /// <summary>
    /// The exact-agreement name weights of one probe, worked out once per search, and the most the two names together
    /// can add to any pair's score (vetoes only lower a score, so this bounds it).
    /// </summary>
    private sealed record ProbeWeights(double FamilyExact, double[] GivenExact, double NamesUpperBound, double GivenSwapped, double FamilySwapped);

    private readonly record struct Scored(double Raw, double Final, VetoFlags Vetoes);

    [Flags]
    private enum VetoFlags
    {
        None = 0,
        TwinDifferentGivenNames = 1 << (int)VetoRule.TwinDifferentGivenNames,
        TwinDifferentSexes = 1 << (int)VetoRule.TwinDifferentSexes,
        Sibling = 1 << (int)VetoRule.Sibling,
        TwinSimilarGivenNames = 1 << (int)VetoRule.TwinSimilarGivenNames,
        GivenNameMissing = 1 << (int)VetoRule.GivenNameMissing,
        IdentifiersConflict = 1 << (int)VetoRule.IdentifiersConflict,
        OwnDetailsSilent = 1 << (int)VetoRule.OwnDetailsSilent,
        NameFormOnly = 1 << (int)VetoRule.NameFormOnly,
    }
}
