using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Contracts.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Negotiations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Copies made before facts were kept get empty facts and stay unlisted (not negotiable) until
            // Catalog's next event for the listing brings the whole version.
            migrationBuilder.AddColumn<string>(
                name: "facts",
                table: "datasets",
                type: "text",
                nullable: false,
                defaultValue: "{\"processStage\":null,\"dataTypes\":[],\"industry\":null,\"recordCount\":null,\"sizeBytes\":null,\"coverageFrom\":null,\"coverageTo\":null,\"completenessScore\":0,\"labelled\":false,\"purposes\":[],\"minDurationMonths\":null,\"maxDurationMonths\":null,\"exclusivityAvailable\":false,\"askingPriceKrw\":null,\"visibleTo\":null}");

            migrationBuilder.AddColumn<bool>(
                name: "listed",
                table: "datasets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "agreements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    negotiation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dataset_id = table.Column<Guid>(type: "uuid", nullable: false),
                    listing_version = table.Column<int>(type: "integer", nullable: false),
                    provider_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    terms = table.Column<string>(type: "text", nullable: false),
                    price_krw = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false),
                    price_check = table.Column<string>(type: "text", nullable: false),
                    document = table.Column<string>(type: "text", nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    provider_signature = table.Column<string>(type: "text", nullable: false),
                    buyer_signature = table.Column<string>(type: "text", nullable: true),
                    receipt = table.Column<string>(type: "text", nullable: true),
                    finalized_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    starts_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    terminated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    terminated_by = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    termination_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "baselines",
                columns: table => new
                {
                    baseline_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    process_stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    data_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    base_price = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false),
                    factors = table.Column<string>(type: "text", nullable: false),
                    effective_from = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_baselines", x => new { x.baseline_id, x.version });
                });

            migrationBuilder.CreateTable(
                name: "negotiations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dataset_id = table.Column<Guid>(type: "uuid", nullable: false),
                    listing_version = table.Column<int>(type: "integer", nullable: false),
                    provider_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_is_sme = table.Column<bool>(type: "boolean", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    terms = table.Column<string>(type: "text", nullable: false),
                    price_krw = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false),
                    price_check = table.Column<string>(type: "text", nullable: false),
                    rounds = table.Column<string>(type: "text", nullable: false),
                    history = table.Column<string>(type: "text", nullable: false),
                    due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    agreement_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    renewal_of = table.Column<Guid>(type: "uuid", nullable: true),
                    termination_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_negotiations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "signing_keys",
                columns: table => new
                {
                    key_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    private_key = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signing_keys", x => x.key_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agreements_negotiation_id",
                table: "agreements",
                column: "negotiation_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agreements_provider_organisation_id_terminated_at",
                table: "agreements",
                columns: new[] { "provider_organisation_id", "terminated_at" });

            migrationBuilder.CreateIndex(
                name: "IX_negotiations_buyer_organisation_id_updated_at",
                table: "negotiations",
                columns: new[] { "buyer_organisation_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "IX_negotiations_dataset_id",
                table: "negotiations",
                column: "dataset_id");

            migrationBuilder.CreateIndex(
                name: "IX_negotiations_due_at",
                table: "negotiations",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "IX_negotiations_provider_organisation_id_updated_at",
                table: "negotiations",
                columns: new[] { "provider_organisation_id", "updated_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreements");

            migrationBuilder.DropTable(
                name: "baselines");

            migrationBuilder.DropTable(
                name: "negotiations");

            migrationBuilder.DropTable(
                name: "signing_keys");

            migrationBuilder.DropColumn(
                name: "facts",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "listed",
                table: "datasets");
        }
    }
}
