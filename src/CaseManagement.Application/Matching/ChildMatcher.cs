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
    public static readonly JsonSerializerOptions ExplanationJson = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>At most this many candidates are proposed to a person.</summary>
    public const int MaxProposed = 5;

    public static PersonRecord RecordOf(Child child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return new(child.Id, child.GivenName, child.FamilyName, child.PreferredName, child.DateOfBirth, child.Sex, child.Postcode, child.NhsNumber, child.UniquePupilNumber, child.PncId, child.Email, child.Phone, child.Town)
        {
            HouseNumber = child.HouseNumberOrName,
            Street = child.Street,
            School = child.School,
            Carers = PersonDetails.SplitNames(child.ParentOrCarerNames),
            OtherIdentifier = child.OtherIdentifier,
            OtherIdentifierIssuer = child.OtherIdentifierIssuer?.ToString(),
        };
    }

    public static PersonRecord RecordOf(Referral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return new(referral.Id, referral.ChildGivenName, referral.ChildFamilyName, referral.ChildPreferredName, referral.ChildDateOfBirth, referral.ChildSex, referral.ChildPostcode, referral.ChildNhsNumber, referral.ChildUniquePupilNumber, referral.ChildPncId, referral.ChildEmail, referral.ChildPhone, referral.ChildTown)
        {
            HouseNumber = referral.ChildHouseNumberOrName,
            Street = referral.ChildStreet,
            School = referral.ChildSchool,
            Carers = PersonDetails.SplitNames(referral.ParentOrCarerNames),
            OtherIdentifier = referral.ChildOtherIdentifier,
            OtherIdentifierIssuer = referral.ChildOtherIdentifierIssuer?.ToString(),
        };
    }

    /// <summary>Adds the child's own details to the keys.</summary>
    public void Index(Child child)
    {
        ArgumentNullException.ThrowIfNull(child);
        db.ChildMatchKeys.AddRange(MatchBlocking.KeysOf(RecordOf(child)).Select(k => new ChildMatchKey(k, child.Id, child.Id)));
    }

    /// <summary>Adds a linked referral's details to its child's keys, so the next referral that uses them finds the child.</summary>
    public void Index(Referral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        if (referral.ChildId is { } childId)
        {
            db.ChildMatchKeys.AddRange(MatchBlocking.KeysOf(RecordOf(referral)).Select(k => new ChildMatchKey(k, childId, referral.Id)));
        }
    }

    /// <summary>
    /// Indexes every child that has no keys yet (records made before matching existed, or loaded in bulk), with their
    /// linked referrals, a batch at a time. Returns how many children were indexed.
    /// </summary>
    public async Task<int> IndexUnindexedAsync(CancellationToken cancellationToken, int batchSize = 500)
    {
        var total = 0;
        while (true)
        {
            var children = await db.Children.AsNoTracking()
                .Where(c => !db.ChildMatchKeys.Any(k => k.SourceId == c.Id))
                .OrderBy(c => c.Id)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            if (children.Count == 0)
            {
                return total;
            }

            var ids = children.Select(c => c.Id).ToList();

            // Linked referrals not indexed yet: asked of the database, so a key already stored is never added twice.
            var referrals = await db.Referrals.AsNoTracking()
                .Where(r => r.ChildId != null && ids.Contains(r.ChildId.Value) && !db.ChildMatchKeys.Any(k => k.SourceId == r.Id))
                .ToListAsync(cancellationToken);
            var added = 0;
            foreach (var child in children)
            {
                // A merged record's keys belong to the record it was merged into, as a merge moves them.
                var owner = child.MergedIntoChildId ?? child.Id;
                var keys = MatchBlocking.KeysOf(RecordOf(child)).Select(k => new ChildMatchKey(k, owner, child.Id)).ToList();
                db.ChildMatchKeys.AddRange(keys);
                added += keys.Count;
            }

            referrals.ForEach(Index);
            if (added == 0)
            {
                // Records with nothing to key on would be picked again for ever; there is nothing more to index.
                await db.SaveChangesAsync(cancellationToken);
                return total;
            }

            await db.SaveChangesAsync(cancellationToken);
            total += children.Count;
        }
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
        var keys = MatchBlocking.KeysOf(probe, out var identifierKeys).ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        // As in the in-memory index, a key shared by very many children costs more than it finds; identifier keys never are.
        var identifiers = keys.Take(identifierKeys).ToList();
        var oversized = await db.ChildMatchKeys
            .Where(k => keys.Contains(k.Key))
            .GroupBy(k => k.Key)
            .Where(g => g.Count() > options.MaxCandidatesPerKey)
            .Select(g => g.Key)
            .ToListAsync(cancellationToken);
        var usable = keys.Where(k => identifiers.Contains(k) || !oversized.Contains(k)).ToList();

        // The key index answers "which children share a key" without touching the children table; only those are read.
        var teamId = referral.TeamId;
        var sharing = db.ChildMatchKeys.Where(k => usable.Contains(k.Key)).Select(k => k.ChildId);

        // Filtered by team after reading: given the team in SQL, SQLite walks the team's index (every child of the
        // team) instead of looking the few candidates up by key (130 ms against 7 ms at 50,000 children).
        var children = await db.Children.AsNoTracking()
            .Where(c => sharing.Contains(c.Id))
            .ToListAsync(cancellationToken);
        children.RemoveAll(c => c.TeamId != teamId || c.MergedIntoChildId is not null || exclude.Contains(c.Id));
        if (children.Count == 0)
        {
            return [];
        }

        var childIds = children.Select(c => c.Id).ToList();
        var referralId = referral.Id;
        var linked = await db.Referrals.AsNoTracking()
            .Where(r => r.ChildId != null && sharing.Contains(r.ChildId.Value) && r.Id != referralId)
            .ToListAsync(cancellationToken);
        linked.RemoveAll(r => !childIds.Contains(r.ChildId!.Value));

        // Each child's own details and every referral linked to it are records of the same child: score them all in a
        // small in-memory index (fast scoring, full explanations for the best only) and keep each child's best.
        var owner = new Dictionary<Guid, Guid>();
        var records = new List<PersonRecord>(children.Count + linked.Count);
        foreach (var child in children)
        {
            owner[child.Id] = child.Id;
            records.Add(RecordOf(child));
        }

        foreach (var other in linked)
        {
            owner[other.Id] = other.ChildId!.Value;
            records.Add(RecordOf(other));
        }

        var engine = new MatchingEngine(options, await frequencies.GetAsync(cancellationToken));
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
