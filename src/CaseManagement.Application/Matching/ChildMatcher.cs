using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Referrals;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Matching;

/// <summary>A known child that may be the child a referral is about, with the engine's explanation.</summary>
public sealed record ChildMatch(Guid ChildId, MatchResult Result);

/// <summary>
/// Puts the matching engine to work on the database: keeps each child's blocking keys in <c>child_match_keys</c>, finds
/// the children of the referral's team that share a key with it, scores them (against the child's own details and every
/// referral already linked to the child, keeping the best), and applies the thresholds at intake. The weights are the
/// active learned set's when there is one (<paramref name="parameters"/>, decision 0066), the configured table otherwise.
/// </summary>
public sealed class ChildMatcher(IApplicationDbContext db, IOptions<MatchingSettings> settings, INameFrequencySource frequencies, Parameters.ActiveMatchParameters? parameters = null)
{
    /// <summary>How the explanations are stored: enums by name, so the JSON reads on its own.</summary>
    /// <remarks>Nulls are left out (decision 0084): most fields carry no issuer and many no note or value, and a missing one reads back as null.</remarks>
    public static readonly JsonSerializerOptions ExplanationJson = new() { Converters = { new JsonStringEnumConverter() }, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>At most this many candidates are proposed to a person.</summary>
    public const int MaxProposed = 5;

    /// <summary>The columns matching compares, read from a child: see <see cref="CandidateRow"/>.</summary>
    private static readonly Expression<Func<Child, CandidateRow>> ChildRow = c => new CandidateRow
    {
        Id = c.Id,
        ChildId = c.Id,
        TeamId = c.TeamId,
        MergedIntoChildId = c.MergedIntoChildId,
        GivenName = c.GivenName,
        FamilyName = c.FamilyName,
        PreferredName = c.PreferredName,
        DateOfBirth = c.DateOfBirth,
        Sex = c.Sex,
        Postcode = c.Postcode,
        NhsNumber = c.NhsNumber,
        UniquePupilNumber = c.UniquePupilNumber,
        PncId = c.PncId,
        Email = c.Email,
        Phone = c.Phone,
        EmailOwner = c.EmailOwner,
        PhoneOwner = c.PhoneOwner,
        Town = c.Town,
        HouseNumberOrName = c.HouseNumberOrName,
        Street = c.Street,
        School = c.School,
        ParentOrCarerNames = c.ParentOrCarerNames,
        OtherIdentifier = c.OtherIdentifier,
        OtherIdentifierIssuer = c.OtherIdentifierIssuer,
    };

    /// <summary>The same columns read from a referral (a linked one is a record of its child).</summary>
    private static readonly Expression<Func<Referral, CandidateRow>> ReferralRow = r => new CandidateRow
    {
        Id = r.Id,
        ChildId = r.ChildId ?? Guid.Empty,
        TeamId = r.TeamId,
        MergedIntoChildId = null,
        GivenName = r.ChildGivenName,
        FamilyName = r.ChildFamilyName,
        PreferredName = r.ChildPreferredName,
        DateOfBirth = r.ChildDateOfBirth,
        Sex = r.ChildSex,
        Postcode = r.ChildPostcode,
        NhsNumber = r.ChildNhsNumber,
        UniquePupilNumber = r.ChildUniquePupilNumber,
        PncId = r.ChildPncId,
        Email = r.ChildEmail,
        Phone = r.ChildPhone,
        EmailOwner = r.ChildEmailOwner,
        PhoneOwner = r.ChildPhoneOwner,
        Town = r.ChildTown,
        HouseNumberOrName = r.ChildHouseNumberOrName,
        Street = r.ChildStreet,
        School = r.ChildSchool,
        ParentOrCarerNames = r.ParentOrCarerNames,
        OtherIdentifier = r.ChildOtherIdentifier,
        OtherIdentifierIssuer = r.ChildOtherIdentifierIssuer,
    };

    // One mapping a kind of record, used in memory and in the database's projection alike, so the two never differ.
    private static readonly Func<Child, CandidateRow> ChildRowOf = ChildRow.Compile();
    private static readonly Func<Referral, CandidateRow> ReferralRowOf = ReferralRow.Compile();

    public static PersonRecord RecordOf(Child child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return ChildRowOf(child).Record();
    }

    public static PersonRecord RecordOf(Referral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return ReferralRowOf(referral).Record();
    }

    /// <summary>Adds the child's own details to the keys.</summary>
    public void Index(Child child)
    {
        ArgumentNullException.ThrowIfNull(child);
        db.ChildMatchKeys.AddRange(MatchBlocking.KeysOf(RecordOf(child)).Select(k => new ChildMatchKey(k, child.Id, child.Id, MatchBlocking.KeySchemeVersion)));
    }

    /// <summary>Adds a linked referral's details to its child's keys, so the next referral that uses them finds the child.</summary>
    public void Index(Referral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        if (referral.ChildId is { } childId)
        {
            db.ChildMatchKeys.AddRange(MatchBlocking.KeysOf(RecordOf(referral)).Select(k => new ChildMatchKey(k, childId, referral.Id, MatchBlocking.KeySchemeVersion)));
        }
    }

    /// <summary>
    /// Writes the child's own keys again from their details as they are now, after a correction (decision 0083): a key
    /// their old details gave and their new ones do not is deleted, a new one added, and one both give stays (marked as
    /// as it was), in the caller's save, so intake finds the child by what is held and no longer by what was wrong.
    /// The keys of linked referrals are theirs (what each referral said) and stay. A child never keyed is left to the
    /// re-keying job (<see cref="RekeyAsync"/>), which keys their linked referrals with them.
    /// </summary>
    public async Task ReindexAsync(Child child, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(child);
        var held = await db.ChildMatchKeys.Where(k => k.SourceId == child.Id).ToListAsync(cancellationToken);
        if (held.Count == 0)
        {
            return;
        }

        // A child still waiting for the re-keying job keeps the older scheme's mark on every key, the new ones too: the
        // job then still finds them stale and keys their linked referrals with them, as it does for every other child.
        var scheme = Math.Min(held.Min(k => k.Scheme), MatchBlocking.KeySchemeVersion);
        var wanted = MatchBlocking.KeysOf(RecordOf(child)).ToHashSet();
        db.ChildMatchKeys.RemoveRange(held.Where(k => !wanted.Contains(k.Key)));
        var owner = child.MergedIntoChildId ?? child.Id;
        db.ChildMatchKeys.AddRange(wanted.Except(held.Select(k => k.Key)).Select(k => new ChildMatchKey(k, owner, child.Id, scheme)));
    }

    /// <summary>
    /// The children whose own details hold no key of today's scheme (<see cref="MatchBlocking.KeySchemeVersion"/>): keyed
    /// by an older scheme, or never keyed (records made before matching kept keys, or loaded in bulk). A child destroyed
    /// under the retention schedule lost their keys with their details and is never one of them: what is left (the
    /// placeholder name, the date of birth) must not make them a candidate for every child born that day.
    /// </summary>
    public IQueryable<Child> StaleChildren() => db.Children.Where(c =>
        c.GivenName != Records.Retention.RetentionSchedule.Destroyed
        && !db.ChildMatchKeys.Any(k => k.SourceId == c.Id && k.Scheme >= MatchBlocking.KeySchemeVersion));

    /// <summary>
    /// Keys again every child in <see cref="StaleChildren"/>, a batch at a time (decision 0078). Each batch replaces its
    /// children's old keys (their own details' and their keyed referrals') with today's in one transaction, so at every
    /// moment every child holds a full set of keys, old or new, and intake finds them; a child never keyed gets keys for
    /// their linked referrals too. What is done stays done: run again (after a restart, on a second server), it carries
    /// on with the children still stale. Returns how many children were keyed.
    /// </summary>
    public async Task<int> RekeyAsync(CancellationToken cancellationToken, int batchSize = 500, IProgress<int>? progress = null)
    {
        // Read once, so a child with nothing to key on is not picked again and again; a child keyed meanwhile (by another
        // run) is left out of its batch, which asks again.
        var stale = await StaleChildren().Select(c => c.Id).ToListAsync(cancellationToken);
        stale.Sort();
        var total = 0;
        foreach (var batch in stale.Chunk(Math.Max(1, batchSize)))
        {
            total += await RekeyBatchAsync(batch, cancellationToken);
            progress?.Report(total);
        }

        return total;
    }

    private async Task<int> RekeyBatchAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var children = await StaleChildren().AsNoTracking().Where(c => ids.Contains(c.Id)).Select(ChildRow).ToListAsync(cancellationToken);
        if (children.Count == 0)
        {
            return 0;
        }

        var childIds = children.Select(c => c.Id).ToList();
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.ChildId != null && childIds.Contains(r.ChildId.Value) && r.ChildGivenName != Records.Retention.RetentionSchedule.Destroyed)
            .Select(ReferralRow)
            .ToListAsync(cancellationToken);
        var sources = childIds.Concat(referrals.Select(r => r.Id)).ToList();
        var existing = await db.ChildMatchKeys.AsNoTracking().Where(k => sources.Contains(k.SourceId)).ToListAsync(cancellationToken);
        var keyedSources = existing.Select(k => k.SourceId).ToHashSet();

        // A merged record's keys belong to the record it was merged into, as a merge moves them. A linked referral is
        // keyed again only if it was keyed (the referral a child was registered from never is: its details are the
        // child's), or if the child was never keyed at all.
        var wanted = new Dictionary<(Guid Source, long Key), Guid>();
        foreach (var row in children)
        {
            foreach (var key in MatchBlocking.KeysOf(row.Record()))
            {
                wanted[(row.Id, key)] = row.MergedIntoChildId ?? row.Id;
            }
        }

        foreach (var row in referrals.Where(r => keyedSources.Contains(r.Id) || !keyedSources.Contains(r.ChildId)))
        {
            foreach (var key in MatchBlocking.KeysOf(row.Record()))
            {
                wanted[(row.Id, key)] = row.ChildId;
            }
        }

        // Only what differs is written: a key both schemes share stays (and is marked as today's below), so the blocks
        // intake counts never hold a record twice, and a record is never without its keys.
        var held = existing.ToDictionary(k => (k.SourceId, k.Key));
        db.ChildMatchKeys.RemoveRange(existing.Where(k => !wanted.ContainsKey((k.SourceId, k.Key))));
        db.ChildMatchKeys.AddRange(wanted.Where(w => !held.ContainsKey(w.Key)).Select(w => new ChildMatchKey(w.Key.Key, w.Value, w.Key.Source, MatchBlocking.KeySchemeVersion)));
        await db.SaveChangesAsync(cancellationToken);
        await db.ChildMatchKeys.Where(k => sources.Contains(k.SourceId) && k.Scheme < MatchBlocking.KeySchemeVersion)
            .ExecuteUpdateAsync(u => u.SetProperty(k => k.Scheme, MatchBlocking.KeySchemeVersion), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return children.Count;
    }

    public async Task RemoveFromIndexAsync(Guid referralId, CancellationToken cancellationToken)
    {
        var keys = await db.ChildMatchKeys.Where(k => k.SourceId == referralId).ToListAsync(cancellationToken);
        db.ChildMatchKeys.RemoveRange(keys);
    }

    /// <summary>The best children of the referral's team for the referral, best first, leaving out <paramref name="exclude"/>.</summary>
    public async Task<IReadOnlyList<ChildMatch>> FindAsync(Referral referral, IReadOnlyCollection<Guid> exclude, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var options = await OptionsAsync(cancellationToken);
        var probe = RecordOf(referral);
        var keys = MatchBlocking.SearchKeysOf(probe, out var identifierKeys).ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        // As in the in-memory index, a key shared by more than MaxCandidatesPerKey records costs more than it finds and is
        // skipped (identifier keys never are), here in the query itself: each key's block is counted only up to one past
        // the limit, so a crowded block (a care home, a default postcode) costs no more to rule out than a small one to
        // read, and a child in it that another key finds is still found by that key.
        var identifiers = keys.Take(identifierKeys).ToList();
        var limit = options.MaxCandidatesPerKey;
        var beyond = limit + 1;
        var sharing = db.ChildMatchKeys
            .Where(k => keys.Where(key => identifiers.Contains(key) || db.ChildMatchKeys.Where(o => o.Key == key).Take(beyond).Count() <= limit).Contains(k.Key))
            .Select(k => k.ChildId);

        // One round trip for every record of every child sharing a key: the child's own details and every referral linked
        // to it, only the columns matching compares, untracked. The team is checked after reading: given the team in SQL,
        // SQLite walks the team's index (every child of the team) instead of looking the few candidates up by key.
        var referralId = referral.Id;
        var rows = await db.Children.AsNoTracking()
            .Where(c => sharing.Contains(c.Id))
            .Select(ChildRow)
            .Concat(db.Referrals.AsNoTracking()
                .Where(r => r.ChildId != null && sharing.Contains(r.ChildId.Value) && r.Id != referralId)
                .Select(ReferralRow))
            .ToListAsync(cancellationToken);
        var teamId = referral.TeamId;
        var candidates = rows
            .Where(r => r.Id == r.ChildId && r.TeamId == teamId && r.MergedIntoChildId is null && !exclude.Contains(r.Id))
            .Select(r => r.Id)
            .ToHashSet();
        if (candidates.Count == 0)
        {
            return [];
        }

        // Each child's own details and every referral linked to it are records of the same child: score them all in a
        // small in-memory index (fast scoring, full explanations for the best only) and keep each child's best.
        var owner = new Dictionary<Guid, Guid>();
        var records = new List<PersonRecord>(rows.Count);
        foreach (var row in rows.Where(r => candidates.Contains(r.ChildId)))
        {
            owner[row.Id] = row.ChildId;
            records.Add(row.Record());
        }

        // The query above has already skipped the crowded keys, counted over every stored key; the small index holds
        // each candidate's registering referral too (read, never keyed), so the same block is larger here and the limit
        // applied again would hide a namesake the register's keys found (IntakeAgreesWithEngineTests).
        var engine = new MatchingEngine(options with { MaxCandidatesPerKey = int.MaxValue }, await frequencies.GetAsync(cancellationToken));
        var search = engine.Search(probe, CandidateIndex.Build(records), max: Math.Min(records.Count, MaxProposed * 4));
        var best = new Dictionary<Guid, MatchResult>();
        foreach (var result in search.Matches)
        {
            var childId = owner[result.RightId];
            if (!best.TryGetValue(childId, out var current) || result.Score > current.Score)
            {
                best[childId] = result with { RightId = childId };
            }
        }

        return best.Select(b => new ChildMatch(b.Key, b.Value))
            .Where(m => m.Result.Decision != MatchDecision.NewChild)
            .OrderByDescending(m => m.Result.Score)
            .ToList();
    }

    /// <summary>
    /// Applies the thresholds to a referral just received: one child above the upper threshold (and no other close
    /// one) links automatically; candidates between the thresholds, or more than one above, wait for a person; none
    /// means a new child is registered. The referral must already be added to the context.
    /// </summary>
    public async Task IntakeAsync(Referral referral, DateTime nowUtc, Guid? byUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var matches = await FindAsync(referral, [], cancellationToken);
        var links = matches.Where(m => m.Result.Decision == MatchDecision.Link).ToList();
        if (links.Count == 1 && matches.Count == 1)
        {
            db.MatchCandidates.Add(Candidate(referral, links[0], nowUtc, linkedAutomatically: true));
            referral.LinkToChild(links[0].ChildId, nowUtc, byUserId);
            Index(referral);
            return;
        }

        if (matches.Count > 0)
        {
            db.MatchCandidates.AddRange(matches.Take(MaxProposed).Select(m => Candidate(referral, m, nowUtc, linkedAutomatically: false)));
            referral.AwaitDuplicateDecision(nowUtc, byUserId);
            return;
        }

        RegisterNewChild(referral, nowUtc, byUserId);
    }

    /// <summary>
    /// Registers a new child from the referral's details and links the referral to it. The child's keys are the
    /// referral's, so the referral is not indexed as well.
    /// </summary>
    public Child RegisterNewChild(Referral referral, DateTime nowUtc, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var details = new PersonDetails(referral.ChildGivenName, referral.ChildFamilyName, referral.ChildPreferredName, referral.ChildDateOfBirth, referral.ChildSex, referral.ChildPostcode, referral.ChildPreferredLanguage)
        {
            NhsNumber = referral.ChildNhsNumber,
            UniquePupilNumber = referral.ChildUniquePupilNumber,
            PncId = referral.ChildPncId,
            HouseNumberOrName = referral.ChildHouseNumberOrName,
            Street = referral.ChildStreet,
            Town = referral.ChildTown,
            School = referral.ChildSchool,
            ParentOrCarerNames = PersonDetails.SplitNames(referral.ParentOrCarerNames),
            Email = referral.ChildEmail,
            Phone = referral.ChildPhone,
            EmailOwner = referral.ChildEmailOwner,
            PhoneOwner = referral.ChildPhoneOwner,
            OtherIdentifier = referral.ChildOtherIdentifier,
            OtherIdentifierIssuer = referral.ChildOtherIdentifierIssuer,
        };
        var child = Child.Register(referral.TeamId, details, nowUtc);
        db.Children.Add(child);
        Index(child);
        referral.LinkToChild(child.Id, nowUtc, byUserId);
        return child;
    }

    /// <summary>Proposes again, after a link is undone: children not already proposed or rejected for this referral.</summary>
    public async Task ProposeAgainAsync(Referral referral, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var known = await db.MatchCandidates.Where(c => c.ReferralId == referral.Id).Select(c => c.ChildId).ToListAsync(cancellationToken);

        // A candidate the caller has just put back (an undone link) is not saved yet, but is known all the same.
        known.AddRange(db.MatchCandidates.Local.Where(c => c.ReferralId == referral.Id).Select(c => c.ChildId));
        var matches = await FindAsync(referral, known, cancellationToken);
        db.MatchCandidates.AddRange(matches.Take(MaxProposed).Select(m => Candidate(referral, m, nowUtc, linkedAutomatically: false)));
    }

    /// <summary>Scores one referral against one child now, for a candidate a person adds by hand.</summary>
    public async Task<MatchResult> CompareAsync(Referral referral, Child child, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(child);
        var engine = new MatchingEngine(await OptionsAsync(cancellationToken), await frequencies.GetAsync(cancellationToken));
        return engine.Compare(RecordOf(referral), RecordOf(child));
    }

    private Task<MatchingOptions> OptionsAsync(CancellationToken cancellationToken) =>
        parameters?.GetAsync(db, cancellationToken) ?? Task.FromResult(settings.Value.ToOptions());

    public static MatchCandidate Candidate(Referral referral, ChildMatch match, DateTime nowUtc, bool linkedAutomatically)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(match);
        return new MatchCandidate(referral.Id, match.ChildId, Math.Round(match.Result.Score, 2), match.Result.Decision.ToString(), JsonSerializer.Serialize(match.Result, ExplanationJson), nowUtc, linkedAutomatically);
    }
}

/// <summary>
/// What matching reads of one record of a child (its own details, or a referral linked to it): the compared columns
/// with the child they belong to, the child's team and whether it was merged away, and nothing else of the record.
/// </summary>
internal sealed class CandidateRow
{
    public Guid Id { get; init; }

    /// <summary>The child the record belongs to: its own id for the child's details.</summary>
    public Guid ChildId { get; init; }

    public Guid TeamId { get; init; }

    public Guid? MergedIntoChildId { get; init; }

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public string? PreferredName { get; init; }

    public DateOnly DateOfBirth { get; init; }

    public Sex Sex { get; init; }

    public string? Postcode { get; init; }

    public string? NhsNumber { get; init; }

    public string? UniquePupilNumber { get; init; }

    public string? PncId { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public ContactOwner? EmailOwner { get; init; }

    public ContactOwner? PhoneOwner { get; init; }

    public string? Town { get; init; }

    public string? HouseNumberOrName { get; init; }

    public string? Street { get; init; }

    public string? School { get; init; }

    public string? ParentOrCarerNames { get; init; }

    public string? OtherIdentifier { get; init; }

    public IdentifierIssuer? OtherIdentifierIssuer { get; init; }

    public PersonRecord Record() =>
        new(Id, GivenName, FamilyName, PreferredName, DateOfBirth, Sex, Postcode, NhsNumber, UniquePupilNumber, PncId, Email, Phone, Town)
        {
            HouseNumber = HouseNumberOrName,
            Street = Street,
            School = School,
            Carers = PersonDetails.SplitNames(ParentOrCarerNames),
            OtherIdentifier = OtherIdentifier,
            OtherIdentifierIssuer = OtherIdentifierIssuer?.ToString(),
            EmailOwner = EmailOwner,
            PhoneOwner = PhoneOwner,
        };
}
