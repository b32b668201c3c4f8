using Microsoft.EntityFrameworkCore;

namespace Tinjau.Messaging;

public static class ModelBuilderExtensions
{
    internal const string InboxPrimaryKeyName = "pk_inbox_messages";

    /// <summary>
    /// Maps <see cref="OutboxMessage"/> to <c>outbox_messages</c> and <see cref="InboxMessage"/> to
    /// <c>inbox_messages</c>. Call it from <c>OnModelCreating</c> of every DbContext that uses
    /// <c>AddMessaging&lt;TDbContext&gt;</c>, then add a migration.
    /// </summary>
    public static ModelBuilder AddMessagingTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(x => x.Id).HasName("pk_outbox_messages");
            b.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            b.Property(x => x.MessageType).HasColumnName("message_type").HasMaxLength(500).IsRequired();
            b.Property(x => x.Payload).HasColumnName("payload").HasColumnType("jsonb").IsRequired();
            b.Property(x => x.OccurredAt).HasColumnName("occurred_at");
            b.Property(x => x.TraceParent).HasColumnName("trace_parent").HasMaxLength(128);
            b.Property(x => x.TraceState).HasColumnName("trace_state").HasMaxLength(512);
            b.Property(x => x.Attempts).HasColumnName("attempts");
            b.Property(x => x.NextAttemptAt).HasColumnName("next_attempt_at");
            b.Property(x => x.SentAt).HasColumnName("sent_at");
            b.Property(x => x.LastError).HasColumnName("last_error").HasMaxLength(OutboxMessage.LastErrorMaxLength);

            // The dispatcher reads only unsent rows, oldest first: a partial index keeps that scan small
            // however many sent rows are kept for the retention period.
            b.HasIndex(x => new { x.OccurredAt, x.NextAttemptAt })
                .HasDatabaseName("ix_outbox_messages_unsent")
                .HasFilter("sent_at IS NULL");
        });

        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable("inbox_messages");
            b.HasKey(x => new { x.MessageId, x.Consumer }).HasName(InboxPrimaryKeyName);
            b.Property(x => x.MessageId).HasColumnName("message_id").ValueGeneratedNever();
            b.Property(x => x.Consumer).HasColumnName("consumer").HasMaxLength(200);
            b.Property(x => x.ProcessedAt).HasColumnName("processed_at");
            b.HasIndex(x => x.ProcessedAt).HasDatabaseName("ix_inbox_messages_processed_at");
        });

        return modelBuilder;
    }
}
