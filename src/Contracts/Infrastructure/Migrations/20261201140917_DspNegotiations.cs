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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "dsp_callback_address",
                table: "negotiations");

            migrationBuilder.DropColumn(
                name: "dsp_consumer_pid",
                table: "negotiations");
        }
    }
}
