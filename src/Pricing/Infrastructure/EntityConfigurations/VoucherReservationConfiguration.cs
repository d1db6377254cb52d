using Marketplace.Pricing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Pricing.Infrastructure.EntityConfigurations;

internal sealed class VoucherReservationConfiguration : IEntityTypeConfiguration<VoucherReservation>
{
    public void Configure(EntityTypeBuilder<VoucherReservation> b)
    {
        b.ToTable("voucher_reservations");
        // One subsidy per agreement, whichever programme pays it: vouchers never stack.
        b.HasKey(x => x.AgreementId);
        b.Property(x => x.ProgrammeId).HasColumnName("programme_id");
        b.Property(x => x.AgreementId).HasColumnName("agreement_id");
        b.Property(x => x.BuyerOrganisationId).HasColumnName("buyer_organisation_id");
        b.Property(x => x.AmountKrw).HasColumnName("amount_krw").HasPrecision(18, 0);
        b.Property(x => x.ReservedAt).HasColumnName("reserved_at");
        b.HasIndex(x => x.ProgrammeId);
    }
}
