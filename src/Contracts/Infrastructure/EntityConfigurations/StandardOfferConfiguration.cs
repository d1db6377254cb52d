using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Contracts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Contracts.Infrastructure.EntityConfigurations;

internal sealed class StandardOfferConfiguration : IEntityTypeConfiguration<StandardOffer>
{
    public void Configure(EntityTypeBuilder<StandardOffer> b)
    {
        b.ToTable("standard_offers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Terms).AsJson();
        b.Property(x => x.PriceKrw).HasPrecision(18, 0);
        b.Property(x => x.Check).HasColumnName("price_check").AsJson();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.WithdrawalReason).HasMaxLength(40);
        b.Property(x => x.PublishedBy).HasMaxLength(200);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => new { x.DatasetId, x.Status });
        // A new baseline re-checks the active offers.
        b.HasIndex(x => x.Status);
    }
}
