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
        b.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(x => x.NegotiationId).HasColumnName("negotiation_id");
        b.Property(x => x.DatasetId).HasColumnName("dataset_id");
        b.Property(x => x.ListingVersion).HasColumnName("listing_version");
        b.Property(x => x.ProviderOrganisationId).HasColumnName("provider_organisation_id");
        b.Property(x => x.BuyerOrganisationId).HasColumnName("buyer_organisation_id");
        b.Property(x => x.Terms).HasColumnName("terms").AsJson();
        b.Property(x => x.PriceKrw).HasColumnName("price_krw").HasPrecision(18, 0);
        b.Property(x => x.Check).HasColumnName("price_check").AsJson();
        b.Property(x => x.Document).HasColumnName("document");
        b.Property(x => x.Hash).HasColumnName("hash").HasMaxLength(64);
        b.Property(x => x.ProviderSignature).HasColumnName("provider_signature").AsJson();
        b.Property(x => x.BuyerSignature).HasColumnName("buyer_signature").AsJson();
        b.Property(x => x.Receipt).HasColumnName("receipt");
        b.Property(x => x.FinalizedAt).HasColumnName("finalized_at");
        b.Property(x => x.StartsAt).HasColumnName("starts_at");
        b.Property(x => x.EndsAt).HasColumnName("ends_at");
        b.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.TerminatedAt).HasColumnName("terminated_at");
        b.Property(x => x.TerminatedBy).HasColumnName("terminated_by").HasMaxLength(20);
        b.Property(x => x.TerminationReason).HasColumnName("termination_reason").HasMaxLength(40);
        b.Property(x => x.Revision).HasColumnName("revision").IsConcurrencyToken();
        b.HasIndex(x => x.NegotiationId).IsUnique();
        // The revocation list: terminated agreements of a provider, newest last.
        b.HasIndex(x => new { x.ProviderOrganisationId, x.TerminatedAt });
    }
}
