using Marketplace.Contracts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Contracts.Infrastructure.EntityConfigurations;

internal sealed class DspCallbackConfiguration : IEntityTypeConfiguration<DspCallback>
{
    public void Configure(EntityTypeBuilder<DspCallback> b)
    {
        b.ToTable("dsp_callbacks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Message).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.LastError).HasMaxLength(500);
        // The delivery reads the open ones that are due, then a negotiation's open ones.
        b.HasIndex(x => new { x.DeliveredAt, x.AbandonedAt, x.NextAttemptAt });
        b.HasIndex(x => x.NegotiationId);
    }
}
