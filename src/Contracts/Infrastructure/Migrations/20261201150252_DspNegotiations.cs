using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Contracts.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DspNegotiations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "dsp_callback_address",
                table: "negotiations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "dsp_consumer_pid",
                table: "negotiations",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "dsp_participant_id",
                table: "negotiations",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "dsp_callbacks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    negotiation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    abandoned_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dsp_callbacks", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dsp_callbacks_delivered_at_abandoned_at_next_attempt_at",
                table: "dsp_callbacks",
                columns: new[] { "delivered_at", "abandoned_at", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "IX_dsp_callbacks_negotiation_id",
                table: "dsp_callbacks",
                column: "negotiation_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dsp_callbacks");

            migrationBuilder.DropColumn(
                name: "dsp_callback_address",
                table: "negotiations");

            migrationBuilder.DropColumn(
                name: "dsp_consumer_pid",
                table: "negotiations");

            migrationBuilder.DropColumn(
                name: "dsp_participant_id",
                table: "negotiations");
        }
    }
}
