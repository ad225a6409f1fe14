using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CaseManagement.IntegrationTests.Database;

/// <summary>What the API answers 503 with Retry-After rather than 500 (decisions 0068 and 0082).</summary>
public sealed class DatabaseOverloadTests
{
    [Theory]
    [InlineData("40P01")]
    [InlineData("55P03")]
    [InlineData("53300")]
    public void IsOverload_PostgresDeadlockOrLockOrResources_IsTrue(string sqlState) =>
        Assert.True(DatabaseOverload.IsOverload(new DbUpdateException("The save failed.", new PostgresException("refused", "ERROR", "ERROR", sqlState))));

    [Fact]
    public void IsOverload_PostgresUniqueViolation_IsFalse() =>
        Assert.False(DatabaseOverload.IsOverload(new DbUpdateException("The save failed.", new PostgresException("duplicate key", "ERROR", "ERROR", "23505"))));
}
