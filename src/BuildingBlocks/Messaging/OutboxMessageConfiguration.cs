using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.BuildingBlocks.Messaging;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).HasColumnName("id").ValueGeneratedOnAdd();
        b.Property(m => m.MessageId).HasColumnName("message_id");
        b.Property(m => m.Type).HasColumnName("type").HasMaxLength(300);
        b.Property(m => m.Payload).HasColumnName("payload");
        b.Property(m => m.OccurredAt).HasColumnName("occurred_at");
        b.Property(m => m.SentAt).HasColumnName("sent_at");
        b.Property(m => m.Attempts).HasColumnName("attempts");
        b.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);
        b.Property(m => m.CorrelationId).HasColumnName("correlation_id").HasMaxLength(64);
        b.HasIndex(m => m.MessageId).IsUnique();
        // The dispatcher's query: unsent rows in order. Filtered so it stays small as sent rows pile up.
        b.HasIndex(m => m.Id).HasDatabaseName("ix_outbox_messages_unsent").HasFilter("sent_at IS NULL");
    }
}
