using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Matching;

/// <summary>
/// Receives a referral from any source (staff pages, partner systems, the public self-referral form): gives it a
/// reference, runs matching, and saves it with its status history, all in one save.
/// </summary>
public sealed class ReferralIntake(IApplicationDbContext db, ChildMatcher matcher, TimeProvider clock)
{
    /// <summary>The key a submission is stored under: the sender's own namespace, so nobody can reach another's referral by guessing a key.</summary>
    public static string? SubmissionKeyFor(string? key, Guid? userId) =>
        string.IsNullOrWhiteSpace(key) ? null : $"{userId?.ToString("N") ?? "public"}:{key.Trim()}";

    /// <summary>The referral an earlier submission with this (already namespaced) key created, if any.</summary>
    public async Task<Guid?> FindAsync(string? submissionKey, CancellationToken cancellationToken)
    {
        if (submissionKey is null)
        {
            return null;
        }

        var id = await db.Referrals.AsNoTracking().Where(r => r.SubmissionKey == submissionKey).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        return id == Guid.Empty ? null : id;
    }

    public async Task<Referral> ReceiveAsync(ReferralSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var now = clock.GetUtcNow().UtcDateTime;
        var referral = Referral.Receive(submission, ReferralReference.New(now), now);
        db.Referrals.Add(referral);
        await matcher.IntakeAsync(referral, now, submission.SubmittedByUserId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return referral;
    }

    public static string? NormalisePostcode(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return null;
        }

        var compact = new string(postcode.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return compact.Length > 3 ? $"{compact[..^3]} {compact[^3..]}" : compact;
    }
}
