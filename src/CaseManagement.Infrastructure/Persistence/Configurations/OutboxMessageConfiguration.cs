using CaseManagement.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

/// <summary>The columns every outbox keeps of its sending (decision 0110), configured once for each outbox's table.</summary>
internal static class OutboxMessageConfiguration
{
    /// <summary>The last error's length, and the index a dispatch run reads the messages it claimed by.</summary>
    public static void HasOutboxMessage<T>(this EntityTypeBuilder<T> builder, int errorMaxLength)
        where T : OutboxMessage
    {
        builder.Property(m => m.LastError).HasMaxLength(errorMaxLength);
        builder.HasIndex(m => m.LeaseId);
    }
}
