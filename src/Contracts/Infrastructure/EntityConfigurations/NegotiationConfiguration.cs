using Marketplace.BuildingBlocks.Persistence;
using Marketplace.BuildingBlocks.Vocabulary;
using Marketplace.Contracts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Contracts.Infrastructure.EntityConfigurations;

internal sealed class NegotiationConfiguration : IEntityTypeConfiguration<Negotiation>
{
    public void Configure(EntityTypeBuilder<Negotiation> b)
    {
        b.ToTable("negotiations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Terms).AsJson();
        b.Property(x => x.PriceKrw).HasPrecision(18, 0);
        b.Property(x => x.Check).HasColumnName("price_check").AsJson();
        b.Property(x => x.Rounds).AsJson();
        b.Property(x => x.History).AsJson();
        b.Property(x => x.AgreementHash).HasMaxLength(64);
        b.Property(x => x.TerminationReason).HasMaxLength(40);
        b.Property(x => x.DspParticipantId).HasMaxLength(DataspaceProtocol.MaxIdLength);
        b.Property(x => x.DspConsumerPid).HasMaxLength(DataspaceProtocol.MaxIdLength);
        b.Property(x => x.DspCallbackAddress).HasMaxLength(DataspaceProtocol.MaxAddressLength);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.Ignore(x => x.Turn);
        b.HasIndex(x => new { x.BuyerOrganisationId, x.UpdatedAt });
        b.HasIndex(x => new { x.ProviderOrganisationId, x.UpdatedAt });
        b.HasIndex(x => x.DatasetId);
        // The expiry sweep reads open negotiations by deadline; final ones have none.
        b.HasIndex(x => x.DueAt);
    }
}
