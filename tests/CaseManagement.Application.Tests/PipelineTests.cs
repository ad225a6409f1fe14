using CaseManagement.Application.Common.Behaviours;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace CaseManagement.Application.Tests;

public sealed class PipelineTests
{
    public sealed record Ping(string Name);

    [Fact]
    public async Task ValidationBehaviour_InvalidRequest_ThrowsWithEveryFailureAndDoesNotRunTheHandler()
    {
        var first = new Mock<IValidator<Ping>>();
        first.Setup(v => v.ValidateAsync(It.IsAny<IValidationContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ValidationResult([new ValidationFailure("Name", "Enter a name.")]));
        var second = new Mock<IValidator<Ping>>();
        second.Setup(v => v.ValidateAsync(It.IsAny<IValidationContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ValidationResult([new ValidationFailure("Name", "The name is too short.")]));
        var handled = false;
        var behaviour = new ValidationBehaviour<Ping, string>([first.Object, second.Object]);

        var error = await Assert.ThrowsAsync<ValidationException>(() => behaviour.Handle(new Ping(""), CancellationToken.None, () =>
        {
            handled = true;
            return Task.FromResult("pong");
        }));

        Assert.False(handled);
        Assert.Equal(["Enter a name.", "The name is too short."], error.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public async Task ValidationBehaviour_ValidRequest_RunsTheHandler()
    {
        var behaviour = new ValidationBehaviour<Ping, string>([]);

        var response = await behaviour.Handle(new Ping("Siân"), CancellationToken.None, () => Task.FromResult("pong"));

        Assert.Equal("pong", response);
    }
}
