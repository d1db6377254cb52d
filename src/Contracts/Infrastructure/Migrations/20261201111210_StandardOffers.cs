using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Contracts.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class StandardOffers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "standard_offer_id",
                table: "negotiations",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "standard_offers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dataset_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    terms = table.Column<string>(type: "text", nullable: false),
                    price_krw = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false),
                    price_check = table.Column<string>(type: "text", nullable: false),
                    auto_agree = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    withdrawal_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    published_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    withdrawn_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_standard_offers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_standard_offers_dataset_id_status",
                table: "standard_offers",
                columns: new[] { "dataset_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_standard_offers_status",
                table: "standard_offers",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "standard_offers");

            migrationBuilder.DropColumn(
                name: "standard_offer_id",
                table: "negotiations");
        }
    }
}
