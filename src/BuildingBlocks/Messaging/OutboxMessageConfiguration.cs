using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.BuildingBlocks.Messaging;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedOnAdd();
        b.Property(m => m.Type).HasMaxLength(300);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.Property(m => m.CorrelationId).HasMaxLength(64);
        b.HasIndex(m => m.MessageId).IsUnique();
        // The dispatcher's query: unsent rows in order. Filtered so it stays small as sent rows pile up.
        b.HasIndex(m => m.Id).HasDatabaseName("ix_outbox_messages_unsent").HasFilter("sent_at IS NULL");
    }
}
