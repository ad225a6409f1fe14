using System.Globalization;
using System.Text;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Partners.Queries.ListReferralChanges;

/// <summary>
/// The changes feed of a partner system: its own referrals decided since the cursor (accepted, signposted, declined),
/// oldest first. Keyed by the partner account, so a token from any client linked to it reads the same feed.
/// </summary>
/// <param name="After">The <c>next</c> cursor of the previous page; null for the start.</param>
/// <param name="Limit">At most this many changes (1 to 200).</param>
[Authorize(Roles.PartnerSystem)]
public sealed record ListReferralChanges(string? After, int Limit = 50) : IRequest<ReferralChangesDto>;

/// <summary>One referral decided: what the partner sent it as, and the decision. Nothing else about the child.</summary>
/// <param name="ReferralId">The referral, as answered when it was sent.</param>
/// <param name="Reference">The team's reference for it.</param>
/// <param name="Status">The decision: Accepted, LinkedToExistingChild, Signposted or Declined.</param>
/// <param name="OutcomeReason">The reason given with a signpost or decline (the service signposted to).</param>
/// <param name="DecidedAtUtc">When the team decided.</param>
public sealed record ReferralChangeDto(Guid ReferralId, string Reference, ReferralStatus Status, string? OutcomeReason, DateTime DecidedAtUtc);

/// <summary>A page of the feed.</summary>
/// <param name="Changes">The changes, oldest first.</param>
/// <param name="Next">The cursor to send as <c>after</c> next time; the same as sent when there was nothing new.</param>
public sealed record ReferralChangesDto(IReadOnlyList<ReferralChangeDto> Changes, string? Next);

public sealed class ListReferralChangesValidator : AbstractValidator<ListReferralChanges>
{
    public ListReferralChangesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 200).WithMessage("Ask for 1 to 200 changes at a time.");
        RuleFor(q => q.After).Must(a => a is null || ReferralChangeCursor.TryRead(a, out _, out _)).WithMessage("Send the cursor exactly as the feed gave it.");
    }
}

/// <summary>The feed's position: the decision time and id of the last change read, opaque to the partner.</summary>
public static class ReferralChangeCursor
{
    public static string Write(DateTime decidedAtUtc, Guid id) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{decidedAtUtc.Ticks}:{id:N}"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryRead(string cursor, out DateTime decidedAtUtc, out Guid id)
    {
        decidedAtUtc = default;
        id = default;
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=')));
            var parts = text.Split(':');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTime.MaxValue.Ticks || !Guid.TryParseExact(parts[1], "N", out id))
            {
                return false;
            }

            decidedAtUtc = new DateTime(ticks, DateTimeKind.Utc);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

public sealed class ListReferralChangesHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListReferralChanges, ReferralChangesDto>
{
    public async Task<ReferralChangesDto> Handle(ListReferralChanges request, CancellationToken cancellationToken)
    {
        var partner = user.UserId ?? throw new UnauthorizedAccessException();
        var decided = db.Referrals.AsNoTracking().Where(r => r.SubmittedByUserId == partner && r.DecidedAtUtc != null);
        if (request.After is not null && ReferralChangeCursor.TryRead(request.After, out var at, out var id))
        {
            decided = decided.Where(r => r.DecidedAtUtc > at || (r.DecidedAtUtc == at && r.Id.CompareTo(id) > 0));
        }

        var changes = await decided
            .OrderBy(r => r.DecidedAtUtc).ThenBy(r => r.Id)
            .Take(request.Limit)
            .Select(r => new ReferralChangeDto(r.Id, r.Reference, r.Status, r.OutcomeReason, r.DecidedAtUtc!.Value))
            .ToListAsync(cancellationToken);
        return new ReferralChangesDto(changes, changes.Count == 0 ? request.After : ReferralChangeCursor.Write(changes[^1].DecidedAtUtc, changes[^1].ReferralId));
    }
}
