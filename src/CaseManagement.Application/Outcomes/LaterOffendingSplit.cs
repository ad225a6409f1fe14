using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Outcomes;

/// <summary>
/// The Cwm Taf split of a closed case (decision 0048): the offences dated after the day it closed, up to the end of the
/// team's follow-up window, weighed against the gravity of the incident that led to the work (0 when none was recorded,
/// so any offence then counts as greater). Until the window ends a case with no offence yet is still in follow-up.
/// </summary>
public static class LaterOffendingSplit
{
    /// <summary>The case's outcome; null while it is still in follow-up with nothing found.</summary>
    public static LaterOffending? Classify(DateOnly closedOn, int followUpMonths, int? indexGravity, IEnumerable<(DateOnly On, int Gravity)> offences, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(offences);
        var ends = closedOn.AddMonths(followUpMonths);
        var within = offences.Where(o => o.On > closedOn && o.On <= ends).Select(o => o.Gravity).ToList();
        if (within.Count == 0)
        {
            return today > ends ? LaterOffending.NoFurtherOffence : null;
        }

        return within.Max() > (indexGravity ?? 0) ? LaterOffending.GreaterSeriousness : LaterOffending.SameOrLesserSeriousness;
    }
}
