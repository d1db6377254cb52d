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
        b.Property(x => x.AmountKrw).HasPrecision(18, 0);
        b.HasIndex(x => x.ProgrammeId);
    }
}
