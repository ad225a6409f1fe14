namespace CaseManagement.Application.Cases.Queries;

public sealed record PersonRef(Guid Id, string? Name);
