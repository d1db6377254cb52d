using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Contracts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Contracts.Infrastructure.EntityConfigurations;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.ToTable("agreements");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Terms).AsJson();
        b.Property(x => x.PriceKrw).HasPrecision(18, 0);
        b.Property(x => x.Check).HasColumnName("price_check").AsJson();
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.ProviderSignature).AsJson();
        b.Property(x => x.BuyerSignature).AsJson();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.TerminatedBy).HasMaxLength(20);
        b.Property(x => x.TerminationReason).HasMaxLength(40);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => x.NegotiationId).IsUnique();
        // The revocation list: terminated agreements of a provider, newest last.
        b.HasIndex(x => new { x.ProviderOrganisationId, x.TerminatedAt });
    }
}
