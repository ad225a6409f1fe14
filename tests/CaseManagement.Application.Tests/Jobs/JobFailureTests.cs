using System.Net.Sockets;
using CaseManagement.Application.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Tests.Jobs;

/// <summary>A failed run kept as its kind, never the exception's words (decision 0095).</summary>
public sealed class JobFailureTests
{
    [Fact]
    public void KindOf_TheOutermostCauseThatSaysOne()
    {
        Assert.Equal(JobFailureKind.Database, JobFailure.KindOf(new DbUpdateException("Megan Evans", new TimeoutException())));
        Assert.Equal(JobFailureKind.Timeout, JobFailure.KindOf(new InvalidOperationException("Megan Evans", new TimeoutException())));
        Assert.Equal(JobFailureKind.Network, JobFailure.KindOf(new HttpRequestException("x", new SocketException())));
        Assert.Equal(JobFailureKind.Network, JobFailure.KindOf(new SocketException())); // its base types are looked at too
        Assert.Equal(JobFailureKind.Unexpected, JobFailure.KindOf(new InvalidOperationException("Megan Evans")));
    }

    [Theory]
    [InlineData("Database", JobFailureKind.Database)]
    [InlineData("PostgresException: 23505: duplicate key value violates unique constraint", JobFailureKind.Database)]
    [InlineData("EmailSendException: The SMTP server did not accept the message: megan@example.com", JobFailureKind.Email)]
    [InlineData("InvalidOperationException: Injected crash in the middle of a reminder run.", JobFailureKind.Unexpected)]
    [InlineData("not one of ours", JobFailureKind.Unexpected)]
    public void Read_AKindOrAnErrorStoredBefore_TheKind(string stored, JobFailureKind kind) => Assert.Equal(kind, JobFailure.Read(stored));

    [Fact]
    public void Types_NamesTheTypesOnly_NeverTheMessages()
    {
        var types = JobFailure.Types(new DbUpdateException("Megan Evans", new TimeoutException("Megan Evans")));

        Assert.Equal("Microsoft.EntityFrameworkCore.DbUpdateException <- System.TimeoutException", types);
        Assert.Null(JobFailure.Read(null));
    }
}
