namespace CaseManagement.Application.Common.Behaviours;

/// <summary>
/// Refuses a request whose lists hold an empty item or whose dates are out of range (<see cref="RequestShape"/>), then
/// runs every validator of the request and refuses it, with all the field errors at once, if any fail.
/// </summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var shape = RequestShape.Check(request!);
        if (shape.Count > 0)
        {
            throw new ValidationException(shape);
        }

        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next();
    }
}
