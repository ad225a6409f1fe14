using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Matching;

/// <summary>
/// Receives a referral from any source (staff pages, partner systems, the public self-referral form): gives it a
/// reference, runs matching, and saves it with its status history, all in one save.
/// </summary>
public sealed class ReferralIntake(IApplicationDbContext db, ChildMatcher matcher, TimeProvider clock)
{
    /// <summary>The key a submission is stored under: the sender's own namespace, so nobody can reach another's referral by guessing a key.</summary>
    public static string? SubmissionKeyFor(string? key, Guid? userId)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        // An API's Idempotency-Key may be up to 200 characters, more than the column holds: a long one is kept as its digest.
        var trimmed = key.Trim();
        var own = trimmed.Length <= 64 ? trimmed : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(trimmed)));
        return $"{userId?.ToString("N") ?? "public"}:{own}";
    }

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

    /// <summary>Registers the referral, matches its child against the register and writes everything in one save.</summary>
    /// <param name="submission">The referral as sent.</param>
    /// <param name="beforeSave">Called with the referral, matched and complete, just before the one save that writes it: the
    /// caller can make its answer from it then, so the answer is kept in that save (decision 0075).</param>
    /// <param name="cancellationToken">Cancels the matching and the save.</param>
    public async Task<Referral> ReceiveAsync(ReferralSubmission submission, Action<Referral>? beforeSave, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        // Whole microseconds, as PostgreSQL keeps them: the answer made from the saved referral reads as it will be read back.
        var now = clock.GetUtcNow().UtcDateTime;
        now = now.AddTicks(-(now.Ticks % 10));
        var referral = Referral.Receive(submission, ReferralReference.New(now), now);
        db.Referrals.Add(referral);
        await matcher.IntakeAsync(referral, now, submission.SubmittedByUserId, cancellationToken);
        beforeSave?.Invoke(referral);
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
