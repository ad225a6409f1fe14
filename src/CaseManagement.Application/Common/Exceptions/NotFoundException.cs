namespace CaseManagement.Application.Common.Exceptions;

/// <summary>The record asked for does not exist, or the caller may not know that it does.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException()
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static NotFoundException For(string entity, object key) => new($"{entity} {key} was not found.");
}
