using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Contracts.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DatasetVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_datasets",
                table: "datasets");

            migrationBuilder.RenameTable(
                name: "datasets",
                newName: "dataset_copies");

            migrationBuilder.RenameColumn(
                name: "listing_version",
                table: "negotiations",
                newName: "dataset_version");

            migrationBuilder.RenameColumn(
                name: "listing_version",
                table: "agreements",
                newName: "dataset_version");

            migrationBuilder.AddPrimaryKey(
                name: "PK_dataset_copies",
                table: "dataset_copies",
                column: "dataset_id");

            // The platform's termination reasons use the same word.
            foreach (var (from, to) in new[] { ("listing-withdrawn", "dataset-withdrawn"), ("listing-suspended", "dataset-suspended") })
            {
                migrationBuilder.Sql($"UPDATE negotiations SET termination_reason = '{to}' WHERE termination_reason = '{from}'");
                migrationBuilder.Sql($"UPDATE negotiations SET history = replace(history, '\"{from}\"', '\"{to}\"') WHERE history LIKE '%\"{from}\"%'");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_dataset_copies",
                table: "dataset_copies");

            migrationBuilder.RenameTable(
                name: "dataset_copies",
                newName: "datasets");

            migrationBuilder.RenameColumn(
                name: "dataset_version",
                table: "negotiations",
                newName: "listing_version");

            migrationBuilder.RenameColumn(
                name: "dataset_version",
                table: "agreements",
                newName: "listing_version");

            migrationBuilder.AddPrimaryKey(
                name: "PK_datasets",
                table: "datasets",
                column: "dataset_id");
        }
    }
}
