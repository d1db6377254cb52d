using Marketplace.BuildingBlocks.Persistence;
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
        b.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(x => x.DatasetId).HasColumnName("dataset_id");
        b.Property(x => x.ListingVersion).HasColumnName("listing_version");
        b.Property(x => x.ProviderOrganisationId).HasColumnName("provider_organisation_id");
        b.Property(x => x.BuyerOrganisationId).HasColumnName("buyer_organisation_id");
        b.Property(x => x.BuyerIsSme).HasColumnName("buyer_is_sme");
        b.Property(x => x.State).HasColumnName("state").HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Terms).HasColumnName("terms").AsJson();
        b.Property(x => x.PriceKrw).HasColumnName("price_krw").HasPrecision(18, 0);
        b.Property(x => x.Check).HasColumnName("price_check").AsJson();
        b.Property(x => x.Rounds).HasColumnName("rounds").AsJson();
        b.Property(x => x.History).HasColumnName("history").AsJson();
        b.Property(x => x.DueAt).HasColumnName("due_at");
        b.Property(x => x.AgreementId).HasColumnName("agreement_id");
        b.Property(x => x.AgreementHash).HasColumnName("agreement_hash").HasMaxLength(64);
        b.Property(x => x.RenewalOf).HasColumnName("renewal_of");
        b.Property(x => x.TerminationReason).HasColumnName("termination_reason").HasMaxLength(40);
        b.Property(x => x.CreatedAt).HasColumnName("created_at");
        b.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        b.Property(x => x.Revision).HasColumnName("revision").IsConcurrencyToken();
        b.Ignore(x => x.Turn);
        b.HasIndex(x => new { x.BuyerOrganisationId, x.UpdatedAt });
        b.HasIndex(x => new { x.ProviderOrganisationId, x.UpdatedAt });
        b.HasIndex(x => x.DatasetId);
        // The expiry sweep reads open negotiations by deadline; final ones have none.
        b.HasIndex(x => x.DueAt);
    }
}
