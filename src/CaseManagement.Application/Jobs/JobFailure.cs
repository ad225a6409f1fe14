namespace CaseManagement.Application.Jobs;

/// <summary>What stopped a job's run, in words an administrator can act on (decision 0095).</summary>
public enum JobFailureKind
{
    /// <summary>The database could not be reached, or refused the work.</summary>
    Database,

    /// <summary>Something the run waited for took too long.</summary>
    Timeout,

    /// <summary>A server the run needed (other than the database) did not answer.</summary>
    Network,

    /// <summary>The e-mail server did not accept a message.</summary>
    Email,

    /// <summary>Anything else: a fault in the application.</summary>
    Unexpected,
}

/// <summary>
/// A failed run is stored as its <see cref="JobFailureKind"/> only: the exception's message is .NET's or a driver's
/// English and may carry what the run was working on (a name, an address in a refused e-mail), so it goes nowhere; its
/// types go to the log with the run's id, which the page shows (decision 0095).
/// </summary>
public static class JobFailure
{
    // By type name, so the drivers' and mail library's types (Infrastructure's) and errors stored before decision 0095
    // ("PostgresException: ...") are read alike; a type's base types are looked at too (NpgsqlException is a DbException).
    private static readonly Dictionary<string, JobFailureKind> ByTypeName = new(StringComparer.Ordinal)
    {
        ["DbException"] = JobFailureKind.Database,
        ["DbUpdateException"] = JobFailureKind.Database,
        ["DbUpdateConcurrencyException"] = JobFailureKind.Database,
        ["NpgsqlException"] = JobFailureKind.Database,
        ["PostgresException"] = JobFailureKind.Database,
        ["SqliteException"] = JobFailureKind.Database,
        ["SqlException"] = JobFailureKind.Database,
        ["TimeoutException"] = JobFailureKind.Timeout,
        ["TaskCanceledException"] = JobFailureKind.Timeout,
        ["OperationCanceledException"] = JobFailureKind.Timeout,
        ["EmailSendException"] = JobFailureKind.Email,
        ["SmtpCommandException"] = JobFailureKind.Email,
        ["SmtpProtocolException"] = JobFailureKind.Email,
        ["HttpRequestException"] = JobFailureKind.Network,
        ["SocketException"] = JobFailureKind.Network,
        ["IOException"] = JobFailureKind.Network,
    };

    /// <summary>The kind of <paramref name="error"/>: the outermost exception in its chain of causes that says one.</summary>
    public static JobFailureKind KindOf(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        foreach (var cause in Causes(error))
        {
            for (var type = cause.GetType(); type is not null; type = type.BaseType)
            {
                if (ByTypeName.TryGetValue(type.Name, out var kind))
                {
                    return kind;
                }
            }
        }

        return JobFailureKind.Unexpected;
    }

    /// <summary>The stored error read back: a kind's name, or, for runs failed before decision 0095, "Type: message" read by its type.</summary>
    public static JobFailureKind? Read(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        if (Enum.TryParse<JobFailureKind>(stored, out var kind) && Enum.IsDefined(kind))
        {
            return kind;
        }

        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && ByTypeName.TryGetValue(stored[..colon], out var old) ? old : JobFailureKind.Unexpected;
    }

    /// <summary>The exception's types, outermost first ("DbUpdateException &lt;- PostgresException"): for the log, without any message.</summary>
    public static string Types(Exception error) => string.Join(" <- ", Causes(error).Select(c => c.GetType().FullName));

    private static IEnumerable<Exception> Causes(Exception error)
    {
        for (Exception? cause = error; cause is not null; cause = cause.InnerException)
        {
            yield return cause;
        }
    }
}
