using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Pricing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class VoucherBudgetCheckOnBothStores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_voucher_budget",
                table: "voucher_programmes");

            migrationBuilder.AddCheckConstraint(
                name: "ck_voucher_budget",
                table: "voucher_programmes",
                sql: "CAST(reserved_krw AS NUMERIC) >= 0 AND CAST(reserved_krw AS NUMERIC) <= CAST(budget_krw AS NUMERIC)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_voucher_budget",
                table: "voucher_programmes");

            migrationBuilder.AddCheckConstraint(
                name: "ck_voucher_budget",
                table: "voucher_programmes",
                sql: "reserved_krw >= 0 AND reserved_krw <= budget_krw");
        }
    }
}
