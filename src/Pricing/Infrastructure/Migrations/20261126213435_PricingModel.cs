using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Pricing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PricingModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agreements",
                columns: table => new
                {
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    process_stage = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    data_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    price_per_reference_unit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    at_floor = table.Column<bool>(type: "boolean", nullable: false),
                    at_ceiling = table.Column<bool>(type: "boolean", nullable: false),
                    finalized_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreements", x => x.agreement_id);
                });

            migrationBuilder.CreateTable(
                name: "baselines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    process_stage = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    data_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    base_price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    factors = table.Column<string>(type: "text", nullable: false),
                    effective_from = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    published_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_baselines", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "listings",
                columns: table => new
                {
                    dataset_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    provider_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    process_stage = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    data_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    record_count = table.Column<long>(type: "bigint", nullable: true),
                    coverage_from = table.Column<DateOnly>(type: "date", nullable: true),
                    coverage_to = table.Column<DateOnly>(type: "date", nullable: true),
                    completeness_score = table.Column<int>(type: "integer", nullable: false),
                    labelled = table.Column<bool>(type: "boolean", nullable: false),
                    exclusivity_available = table.Column<bool>(type: "boolean", nullable: false),
                    visible_to = table.Column<Guid[]>(type: "uuid[]", nullable: true),
                    listed = table.Column<bool>(type: "boolean", nullable: false),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_listings", x => x.dataset_id);
                });

            migrationBuilder.CreateTable(
                name: "voucher_programmes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    for_smes = table.Column<bool>(type: "boolean", nullable: false),
                    organisations = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    subsidy_percent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    cap_per_agreement_krw = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false),
                    budget_krw = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false),
                    reserved_krw = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false),
                    valid_from = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    valid_to = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voucher_programmes", x => x.id);
                    table.CheckConstraint("ck_voucher_budget", "reserved_krw >= 0 AND reserved_krw <= budget_krw");
                });

            migrationBuilder.CreateTable(
                name: "voucher_reservations",
                columns: table => new
                {
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_krw = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false),
                    reserved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voucher_reservations", x => new { x.programme_id, x.agreement_id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_baselines_process_stage_data_type_status_effective_from",
                table: "baselines",
                columns: new[] { "process_stage", "data_type", "status", "effective_from" });

            migrationBuilder.CreateIndex(
                name: "IX_baselines_process_stage_data_type_version",
                table: "baselines",
                columns: new[] { "process_stage", "data_type", "version" },
                unique: true,
                filter: "version > 0");

            migrationBuilder.CreateIndex(
                name: "IX_voucher_reservations_agreement_id",
                table: "voucher_reservations",
                column: "agreement_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreements");

            migrationBuilder.DropTable(
                name: "baselines");

            migrationBuilder.DropTable(
                name: "listings");

            migrationBuilder.DropTable(
                name: "voucher_programmes");

            migrationBuilder.DropTable(
                name: "voucher_reservations");
        }
    }
}
