namespace CaseManagement.Application.Common.Exceptions;

/// <summary>The user is signed in but their role does not allow this request.</summary>
public sealed class ForbiddenAccessException : Exception
{
    public ForbiddenAccessException()
        : base("Your role does not allow this.")
    {
    }

    public ForbiddenAccessException(string message)
        : base(message)
    {
    }

    public ForbiddenAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The record exists and belongs to another team: a user whose role allows it may open it with a reason (break glass).
/// </summary>
public sealed class BreakGlassRequiredException : Exception
{
    public BreakGlassRequiredException()
        : base("This record belongs to another team. You may open it in an emergency by giving a reason.")
    {
    }

    public BreakGlassRequiredException(string message)
        : base(message)
    {
    }

    public BreakGlassRequiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Guid ReferralId { get; init; }
}
