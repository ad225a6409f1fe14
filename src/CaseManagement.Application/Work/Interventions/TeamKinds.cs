namespace CaseManagement.Application.Work.Interventions;

/// <summary>Which team's list of intervention kinds a team manager works on.</summary>
public static class TeamKinds
{
    /// <summary>The named team, which must be one of the user's; or, when none is named, the user's only (or first) team.</summary>
    public static Guid TeamOf(ICurrentUser user, Guid? teamId)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (teamId is { } named)
        {
            return user.TeamIds.Contains(named) ? named : throw NotFoundException.For("Team", named);
        }

        return user.TeamIds.Count > 0 ? user.TeamIds[0] : throw new ForbiddenAccessException("You are not a member of a team.");
    }
}
