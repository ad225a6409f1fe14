namespace CaseManagement.Application.Common.Interfaces;

/// <summary>Marks a request that changes state: it runs inside one database transaction.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>, ICommandMarker
{
}

/// <summary>The non-generic side of <see cref="ICommand{TResponse}"/>, for the pipeline to test against.</summary>
#pragma warning disable CA1040 // A marker is the point: behaviours test for it without knowing the response type.
public interface ICommandMarker
{
}
#pragma warning restore CA1040
