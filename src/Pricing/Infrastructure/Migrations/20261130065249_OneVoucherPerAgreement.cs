using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Pricing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class OneVoucherPerAgreement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Agreements that stacked several subsidies keep the largest; the others go back to their budgets.
            migrationBuilder.Sql("""
                WITH ranked AS (
                    SELECT programme_id, agreement_id, amount_krw,
                           row_number() OVER (PARTITION BY agreement_id ORDER BY amount_krw DESC, reserved_at, programme_id) AS n
                    FROM voucher_reservations),
                extra AS (SELECT * FROM ranked WHERE n > 1),
                released AS (
                    UPDATE voucher_programmes p SET reserved_krw = p.reserved_krw - x.total
                    FROM (SELECT programme_id, sum(amount_krw) AS total FROM extra GROUP BY programme_id) x
                    WHERE p.id = x.programme_id)
                DELETE FROM voucher_reservations r USING extra e
                WHERE r.programme_id = e.programme_id AND r.agreement_id = e.agreement_id;
                """);

            migrationBuilder.DropPrimaryKey(
                name: "PK_voucher_reservations",
                table: "voucher_reservations");

            migrationBuilder.DropIndex(
                name: "IX_voucher_reservations_agreement_id",
                table: "voucher_reservations");

            migrationBuilder.AddPrimaryKey(
                name: "PK_voucher_reservations",
                table: "voucher_reservations",
                column: "agreement_id");

            migrationBuilder.CreateIndex(
                name: "IX_voucher_reservations_programme_id",
                table: "voucher_reservations",
                column: "programme_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_voucher_reservations",
                table: "voucher_reservations");

            migrationBuilder.DropIndex(
                name: "IX_voucher_reservations_programme_id",
                table: "voucher_reservations");

            migrationBuilder.AddPrimaryKey(
                name: "PK_voucher_reservations",
                table: "voucher_reservations",
                columns: new[] { "programme_id", "agreement_id" });

            migrationBuilder.CreateIndex(
                name: "IX_voucher_reservations_agreement_id",
                table: "voucher_reservations",
                column: "agreement_id");
        }
    }
}
